-- A call the policy would record can still go unrecorded for an operational reason, such as the
-- tenant's licences all being in use (R-11). The refusal is kept beside the policy's decision.
alter table unrecorded_call add column refusal varchar(40);
