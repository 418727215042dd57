-- Waveform peaks of a recording for the player (R-52), computed once from the WAV by the admin API
-- and kept here so that no later playback reads the whole file again. One row per recording; it
-- goes with the recording (erasure deletes the row, and the cascade takes the peaks).

create table recording_waveform (
    recording_id  uuid primary key,
    tenant_id     uuid        not null,
    channels      smallint    not null check (channels between 1 and 8),
    points        integer     not null check (points > 0),
    -- one unsigned byte per point and channel, channel after channel: the peak's absolute
    -- amplitude scaled to 0..255
    peaks         bytea       not null,
    duration_ms   bigint      not null check (duration_ms >= 0),
    computed_at   timestamptz not null,
    foreign key (tenant_id, recording_id) references recording (tenant_id, id) on delete cascade
);
