// Two migrations: the old broken one, and a later clean one that builds on it. No git needed for startAfter.
def file = new File(basedir, 'supabase/migrations/20250101000000_old.sql')
file.parentFile.mkdirs()
file.setText('create table orders (id bigint primary key, customer_id bigint);\n'
        + 'alter table orders add foreign key (customer_id) references customers(id);\n', 'UTF-8')
new File(basedir, 'supabase/migrations/20250201000000_new.sql').setText(
        'create table customers (id bigint primary key);\ncreate table notes (id bigint primary key, order_id bigint references orders(id));\n', 'UTF-8')
return true
