-- Tenants (R-10, R-11) and their directory (R-12). Every row of every other table carries a
-- tenant_id, and child rows reference their parent by (tenant_id, id) so that a row can never
-- point at another tenant's data, whatever a bug in the code might try.

create table tenant (
    id                 uuid primary key,
    name               varchar(200) not null,
    licence_count      integer      not null default 0 check (licence_count >= 0),
    country_code       varchar(3)   not null default '46' check (country_code ~ '^[1-9][0-9]{0,2}$'),
    time_zone          varchar(64)  not null default 'Europe/Stockholm',
    retention_days     integer      not null default 90 check (retention_days > 0),
    keep_dtmf_digits   boolean      not null default false,
    -- office hours for the "office hours / outside office hours" filter (R-51), local time
    office_opens       time         not null default '08:00',
    office_closes      time         not null default '17:00',
    office_days        smallint[]   not null default '{1,2,3,4,5}',
    active             boolean      not null default true,
    created_at         timestamptz  not null default now()
);

-- PBX trunks (R-43): only these may start recordings, and each maps to one tenant.
create table pbx_trunk (
    id                 uuid primary key,
    tenant_id          uuid         not null references tenant (id) on delete cascade,
    name               varchar(200) not null,
    -- Digest credentials are kept as the RFC 7616 HA1 hash (never the password itself).
    digest_realm       varchar(200),
    digest_username    varchar(200),
    digest_ha1         varchar(128),
    tls_identity       varchar(500),
    enabled            boolean      not null default true,
    unique (tenant_id, id),
    unique (tenant_id, name)
);

create table pbx_trunk_source (
    tenant_id          uuid    not null,
    trunk_id           uuid    not null,
    network            cidr    not null,
    primary key (trunk_id, network),
    foreign key (tenant_id, trunk_id) references pbx_trunk (tenant_id, id) on delete cascade
);
-- ">>=" containment lookup of the caller's source address, once per INVITE.
create index pbx_trunk_source_network on pbx_trunk_source using gist (network inet_ops);

create table department (
    id                 uuid primary key,
    tenant_id          uuid         not null references tenant (id) on delete cascade,
    -- the stable key the policy refers to (policy-core DepartmentId)
    key                varchar(200) not null,
    name               varchar(200) not null,
    unique (tenant_id, id),
    unique (tenant_id, key)
);

-- Districts, cost centres and offices are plain named groupings used as search filters.
create table org_unit (
    id                 uuid primary key,
    tenant_id          uuid         not null references tenant (id) on delete cascade,
    kind               varchar(16)  not null check (kind in ('DISTRICT', 'COST_CENTRE', 'OFFICE')),
    name               varchar(200) not null,
    unique (tenant_id, id),
    unique (tenant_id, kind, name)
);

create table directory_user (
    id                 uuid primary key,
    tenant_id          uuid         not null references tenant (id) on delete cascade,
    name               varchar(200) not null,
    extension          varchar(64)  not null,
    email              varchar(320),
    title              varchar(200),
    department_id      uuid,
    district_id        uuid,
    cost_centre_id     uuid,
    office_id          uuid,
    recording_enabled  boolean      not null default false,
    role               varchar(16)  not null default 'NONE'
                       check (role in ('NONE', 'MY_CONSOLE', 'SUPER', 'RESTRICTED')),
    unique (tenant_id, id),
    unique (tenant_id, extension),
    foreign key (tenant_id, department_id) references department (tenant_id, id),
    foreign key (tenant_id, district_id) references org_unit (tenant_id, id),
    foreign key (tenant_id, cost_centre_id) references org_unit (tenant_id, id),
    foreign key (tenant_id, office_id) references org_unit (tenant_id, id)
);

-- A user's phone numbers (mobile, direct line...) in E.164, so that a call from a mobile is
-- attributed to its user (R-13).
create table user_number (
    tenant_id          uuid        not null,
    user_id            uuid        not null,
    number             varchar(16) not null check (number ~ '^\+[1-9][0-9]{6,14}$'),
    primary key (tenant_id, number),
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete cascade
);
create index user_number_user on user_number (user_id);

create table answer_group (
    id                 uuid primary key,
    tenant_id          uuid         not null references tenant (id) on delete cascade,
    -- the stable key the policy refers to (policy-core GroupId)
    key                varchar(200) not null,
    name               varchar(200) not null,
    number             varchar(64),
    unique (tenant_id, id),
    unique (tenant_id, key),
    unique (tenant_id, number)
);
create index answer_group_name on answer_group (tenant_id, lower(name));

create table direct_number (
    id                 uuid primary key,
    tenant_id          uuid         not null references tenant (id) on delete cascade,
    number             varchar(16)  not null check (number ~ '^\+[1-9][0-9]{6,14}$'),
    name               varchar(200) not null,
    unique (tenant_id, id),
    unique (tenant_id, number)
);
