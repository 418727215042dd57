-- Licence leases (R-11): one row per running recording or open player, across all nodes. A
-- lease lives until released or until its expiry passes without a heartbeat (a dead node).

create table licence_lease (
    tenant_id     uuid         not null references tenant (id) on delete cascade,
    holder        varchar(200) not null,
    kind          varchar(10)  not null check (kind in ('RECORDING', 'LISTENING')),
    node          varchar(200) not null,
    acquired_at   timestamptz  not null,
    expires_at    timestamptz  not null,
    primary key (tenant_id, holder)
);
create index licence_lease_expiry on licence_lease (expires_at);
create index licence_lease_node on licence_lease (node);

-- Refusals beyond the licence count are counted per tenant and kind (R-11).
create table licence_refusal (
    tenant_id     uuid        not null references tenant (id) on delete cascade,
    kind          varchar(10) not null check (kind in ('RECORDING', 'LISTENING')),
    refusals      bigint      not null default 0,
    last_at       timestamptz not null,
    primary key (tenant_id, kind)
);

-- db-scheduler's table (cluster-safe scheduling of the retention and deletion jobs).
create table scheduled_tasks (
    task_name             text                     not null,
    task_instance         text                     not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean                  not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint                   not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
