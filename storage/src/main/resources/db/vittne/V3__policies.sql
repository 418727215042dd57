-- Recording policies (R-3x). Each applied version is immutable and kept; the draft is a
-- working copy until Apply or Cancel. The document is policy-core's RecordingPolicy as JSON.

create table policy_version (
    tenant_id    uuid        not null references tenant (id) on delete cascade,
    version      bigint      not null check (version > 0),
    document     jsonb       not null,
    applied_by   uuid,
    applied_at   timestamptz not null,
    primary key (tenant_id, version)
);

create table policy_draft (
    tenant_id    uuid primary key references tenant (id) on delete cascade,
    based_on     bigint      not null default 0,
    document     jsonb       not null,
    updated_by   uuid,
    updated_at   timestamptz not null
);

-- Applying a version tells every capture node at commit, whatever code inserted it.
create function policy_version_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('vittne_policy_applied', new.tenant_id::text || ' ' || new.version::text);
    return new;
end;
$$;

create trigger policy_version_applied after insert on policy_version
    for each row execute function policy_version_notify();
