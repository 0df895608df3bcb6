-- Outbox: a claim is held by a token, an attempt is recorded before it starts, a row can fail for good.

alter table uitgaand
    -- written at claim time; every later update of the row by that sender requires it, so a sender whose lease ran
    -- out can never overwrite what the sender that took the row over recorded
    add column claim_token       uuid,
    -- set right before a send starts, cleared with its outcome: still set at the next claim means the previous send
    -- ended without a recorded outcome and may have delivered, so the next attempt is a re-send
    add column poging_gestart_op timestamptz,
    -- permanent (5xx) rejections of a recipient address; the row fails after a bounded number
    add column weigeringen       integer     not null default 0,
    add column status            text        not null default 'WACHTEND',
    add column mislukt_op        timestamptz;

-- laatste_fout_ambigu now means: an earlier attempt may have delivered (a failure after the data went out, or an attempt
-- without a recorded outcome); from then on every attempt that may deliver counts one re-send in herzendingen.

update uitgaand set status = 'VERZONDEN' where verzonden_op is not null;

alter table uitgaand
    add constraint uitgaand_status check (status in ('WACHTEND', 'VERZONDEN', 'MISLUKT')),
    add constraint uitgaand_status_moment check ((status = 'VERZONDEN') = (verzonden_op is not null)
        and (status = 'MISLUKT') = (mislukt_op is not null));

drop index uitgaand_te_doen;
create index uitgaand_te_doen on uitgaand (volgende_poging_op) where status = 'WACHTEND';
create index uitgaand_mislukt on uitgaand (mislukt_op) where status = 'MISLUKT';

-- Referrer decisions: a signal whose decision keeps failing is retried a bounded number of times, then recorded as
-- not sent; the reason of every decision is kept.
alter table signaal
    add column beslispogingen integer not null default 0,
    add column beslis_reden   text;
