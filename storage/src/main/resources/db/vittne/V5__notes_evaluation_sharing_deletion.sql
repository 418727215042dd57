-- What supervisors add to recordings (R-53, R-55, R-56, R-61).

create table evaluation_category (
    id          uuid primary key,
    tenant_id   uuid         not null references tenant (id) on delete cascade,
    kind        varchar(20)  not null check (kind in ('CALL_RESULT', 'CUSTOMER_RESPONSE')),
    name        varchar(200) not null,
    position    integer      not null default 0,
    -- retired categories stay so that old notes still show their text
    retired     boolean      not null default false,
    unique (tenant_id, id)
);
create index evaluation_category_tenant on evaluation_category (tenant_id, kind, position);

create table evaluation_question (
    id          uuid primary key,
    tenant_id   uuid          not null references tenant (id) on delete cascade,
    text        varchar(1000) not null,
    position    integer       not null default 0,
    retired     boolean       not null default false,
    unique (tenant_id, id)
);
create index evaluation_question_tenant on evaluation_question (tenant_id, position);

create table recording_note (
    recording_id          uuid primary key,
    tenant_id             uuid         not null,
    call_result_id        uuid,
    customer_response_id  uuid,
    flag                  varchar(8)   not null default 'NONE' check (flag in ('NONE', 'RED', 'GREEN', 'BLUE')),
    tag                   varchar(200),
    evaluated             boolean      not null default false,
    updated_by            uuid,
    updated_at            timestamptz  not null,
    foreign key (tenant_id, recording_id) references recording (tenant_id, id) on delete cascade,
    foreign key (tenant_id, call_result_id) references evaluation_category (tenant_id, id),
    foreign key (tenant_id, customer_response_id) references evaluation_category (tenant_id, id)
);
create index recording_note_flag on recording_note (tenant_id, flag) where flag <> 'NONE';
create index recording_note_tag on recording_note (tenant_id, lower(tag)) where tag is not null;

create table evaluation_answer (
    tenant_id     uuid          not null,
    recording_id  uuid          not null,
    question_id   uuid          not null,
    answer        varchar(4000) not null,
    answered_by   uuid,
    answered_at   timestamptz   not null,
    primary key (recording_id, question_id),
    foreign key (tenant_id, recording_id) references recording (tenant_id, id) on delete cascade,
    foreign key (tenant_id, question_id) references evaluation_question (tenant_id, id)
);

-- Share links (R-55): the link holds a random token; only its SHA-256 is stored.
create table share_link (
    id            uuid primary key,
    tenant_id     uuid         not null,
    recording_id  uuid         not null,
    token_hash    varchar(64)  not null unique,
    created_by    uuid,
    recipient     varchar(320) not null,
    subject       varchar(500),
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    unique (tenant_id, id),
    foreign key (tenant_id, recording_id) references recording (tenant_id, id) on delete cascade
);
create index share_link_recording on share_link (tenant_id, recording_id);

-- Deletion requests (R-61): carried out by the deletion job within an hour. Items keep the
-- recording's id after the recording is gone, so no foreign key.
create table deletion_request (
    id            uuid primary key,
    tenant_id     uuid         not null references tenant (id) on delete cascade,
    requested_by  uuid,
    requested_at  timestamptz  not null,
    reason        varchar(1000),
    state         varchar(8)   not null default 'PENDING' check (state in ('PENDING', 'DONE')),
    completed_at  timestamptz,
    unique (tenant_id, id)
);
create index deletion_request_pending on deletion_request (requested_at) where state = 'PENDING';

create table deletion_request_item (
    tenant_id     uuid not null,
    request_id    uuid not null,
    recording_id  uuid not null,
    erased_at     timestamptz,
    primary key (request_id, recording_id),
    foreign key (tenant_id, request_id) references deletion_request (tenant_id, id) on delete cascade
);
