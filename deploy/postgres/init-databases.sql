-- One database per service (docker-compose only; the local launcher creates them itself).
create database proposal;
create database target;
create database followup;
create database ideabank;
