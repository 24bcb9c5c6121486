create table test_note (
    id           bigint       primary key,
    municipality varchar(3)   not null,
    title        varchar(200) not null,
    version      bigint       not null
);
create sequence test_note_seq start with 1 increment by 50;

create table test_note_copy (
    note_id        bigint       primary key,
    title          varchar(200) not null,
    events_applied integer      not null
);
