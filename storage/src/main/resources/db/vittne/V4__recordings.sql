-- Recordings (R-38: one row per recorded party) and the calls that were not recorded, with the
-- policy decision that explains either (R-37).

create table recording (
    id              uuid primary key,
    tenant_id       uuid          not null references tenant (id) on delete cascade,
    call_id         varchar(256)  not null,
    session_id      varchar(256)  not null,
    direction       varchar(8)    not null check (direction in ('INCOMING', 'OUTGOING', 'INTERNAL')),
    user_id         uuid,
    extension       varchar(64)   not null,
    user_name       varchar(200),
    -- The recorded user's organisation when the call was made: the filters of R-51 and the
    -- department scoping of R-14 follow the call, not later moves of the user.
    department_id   uuid,
    district_id     uuid,
    cost_centre_id  uuid,
    office_id       uuid,
    remote_number   varchar(64),
    ddi             varchar(16),
    answer_group    varchar(200),
    start_time      timestamptz   not null,
    end_time        timestamptz   not null,
    duration_ms     bigint        not null check (duration_ms >= 0),
    codecs          varchar(200)  not null,
    channels        smallint      not null check (channels between 1 and 8),
    sample_rate     integer       not null check (sample_rate > 0),
    store_key       varchar(500)  not null,
    size_bytes      bigint        not null check (size_bytes >= 0),
    sha256          char(64)      not null,
    rule            varchar(40)   not null,
    explanation_sv  varchar(2000) not null,
    explanation_en  varchar(2000) not null,
    policy_version  bigint        not null,
    consent_basis   varchar(32),
    -- per channel: packets, lost, late, duplicates, jitter ms, silence share
    quality         jsonb         not null default '[]',
    one_way_audio   boolean       not null default false,
    has_gaps        boolean       not null default false,
    recovered       boolean       not null default false,
    expires_on      date          not null,
    -- ERASING: the erasure has begun (audio may already be gone); the row goes when it ends.
    state           varchar(8)    not null default 'ACTIVE' check (state in ('ACTIVE', 'ERASING')),
    -- why the erasure began, so that a run resuming it after a crash audits the right reason
    erase_reason    varchar(200),
    created_at      timestamptz   not null default now(),
    unique (tenant_id, id),
    -- an archive retried after a crash finds its row instead of adding a second one
    unique (tenant_id, session_id, extension),
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete set null (user_id)
);

-- The searches of R-51: a period, optionally narrowed by extension, department, number or DDI,
-- newest first.
create index recording_start on recording (tenant_id, start_time desc);
create index recording_extension on recording (tenant_id, extension, start_time desc);
create index recording_department on recording (tenant_id, department_id, start_time desc);
create index recording_remote_number on recording (tenant_id, remote_number varchar_pattern_ops);
create index recording_ddi on recording (tenant_id, ddi, start_time desc);
create index recording_expiry on recording (expires_on) where state = 'ACTIVE';
create index recording_erasing on recording (id) where state = 'ERASING';

create table unrecorded_call (
    id              uuid primary key,
    tenant_id       uuid          not null references tenant (id) on delete cascade,
    call_id         varchar(256)  not null,
    session_id      varchar(256)  not null,
    direction       varchar(8)    not null check (direction in ('INCOMING', 'OUTGOING', 'INTERNAL')),
    user_id         uuid,
    extension       varchar(64)   not null,
    department_id   uuid,
    remote_number   varchar(64),
    ddi             varchar(16),
    answer_group    varchar(200),
    start_time      timestamptz   not null,
    rule            varchar(40)   not null,
    explanation_sv  varchar(2000) not null,
    explanation_en  varchar(2000) not null,
    policy_version  bigint        not null,
    consent_basis   varchar(32),
    created_at      timestamptz   not null default now(),
    unique (tenant_id, session_id, extension)
);
create index unrecorded_call_start on unrecorded_call (tenant_id, start_time desc);
