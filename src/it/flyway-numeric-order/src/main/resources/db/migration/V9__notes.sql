-- Written after V10 was merged on another branch: audit does not exist yet when V9 runs on a fresh database.
create table notes (
  id bigint primary key,
  audit_id bigint references audit(id),
  body text not null
);
