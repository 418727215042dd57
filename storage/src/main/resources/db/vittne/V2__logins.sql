-- Web logins (R-14, R-2x). A login belongs to one tenant, except operators (tenant_id null),
-- who run the service across tenants. E-mail addresses are unique installation-wide so that a
-- login form needs nothing but the address.

create table login (
    id                    uuid primary key,
    tenant_id             uuid         references tenant (id) on delete cascade,
    email                 varchar(320) not null,
    user_id               uuid,
    role                  varchar(16)  not null
                          check (role in ('MY_CONSOLE', 'SUPER', 'RESTRICTED', 'OPERATOR')),
    may_listen            boolean      not null default true,
    may_download          boolean      not null default false,
    may_email             boolean      not null default false,
    password_hash         varchar(500),
    password_changed_at   timestamptz,
    must_change_password  boolean      not null default true,
    licence_accepted_at   timestamptz,
    active                boolean      not null default true,
    language              varchar(8)   not null default 'sv',
    created_at            timestamptz  not null default now(),
    check ((role = 'OPERATOR') = (tenant_id is null)),
    unique (tenant_id, id),
    foreign key (tenant_id, user_id) references directory_user (tenant_id, id) on delete set null (user_id)
);
create unique index login_email on login (lower(email));

-- Departments a restricted user may listen to (R-14).
create table login_department (
    tenant_id      uuid not null,
    login_id       uuid not null,
    department_id  uuid not null,
    primary key (login_id, department_id),
    foreign key (tenant_id, login_id) references login (tenant_id, id) on delete cascade,
    foreign key (tenant_id, department_id) references department (tenant_id, id) on delete cascade
);

-- The last passwords of a login, so a new one may not repeat any of the last ten (R-22).
create table password_history (
    login_id       uuid         not null references login (id) on delete cascade,
    password_hash  varchar(500) not null,
    set_at         timestamptz  not null,
    primary key (login_id, set_at)
);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
create table login_session (
    token_hash     varchar(64)  primary key,
    login_id       uuid         not null references login (id) on delete cascade,
    tenant_id      uuid         references tenant (id) on delete cascade,
    csrf_token     varchar(128) not null,
    keep_logged_in boolean      not null default false,
    created_at     timestamptz  not null,
    last_seen_at   timestamptz  not null,
    expires_at     timestamptz  not null,
    remote_address varchar(64),
    user_agent     varchar(500),
    -- a tenant's session can only be of that tenant's login
    foreign key (tenant_id, login_id) references login (tenant_id, id) on delete cascade
);
create index login_session_login on login_session (login_id);
create index login_session_expiry on login_session (expires_at);

-- Forgot-password links (R-23): single use, expiring, stored hashed.
create table password_reset (
    token_hash     varchar(64)  primary key,
    login_id       uuid         not null references login (id) on delete cascade,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null,
    used_at        timestamptz
);
create index password_reset_login on password_reset (login_id);

-- API tokens for integrations (R-70), scoped and stored hashed.
create table api_token (
    id             uuid primary key,
    tenant_id      uuid         references tenant (id) on delete cascade,
    login_id       uuid         not null references login (id) on delete cascade,
    name           varchar(200) not null,
    token_hash     varchar(64)  not null unique,
    scopes         varchar(64)[] not null default '{}',
    created_at     timestamptz  not null,
    expires_at     timestamptz,
    revoked_at     timestamptz,
    last_used_at   timestamptz,
    foreign key (tenant_id, login_id) references login (tenant_id, id) on delete cascade
);
create index api_token_login on api_token (login_id);
