-- The append-only audit log (R-53 history, R-61, every erasure). The database itself refuses to
-- change or remove a row, so no bug or careless statement in the application can.

create table audit_log (
    id              bigint generated always as identity primary key,
    tenant_id       uuid,
    at              timestamptz  not null,
    actor_login_id  uuid,
    actor           varchar(320) not null,
    action          varchar(64)  not null,
    recording_id    uuid,
    subject_type    varchar(64),
    subject_id      varchar(200),
    details         jsonb        not null default '{}'
);
create index audit_log_recording on audit_log (tenant_id, recording_id, at) where recording_id is not null;
create index audit_log_tenant on audit_log (tenant_id, at);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
