// dbmate runs only the migrate:up sections; the migrate:down sections that drop every table never reach the model.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
assert json.stats.histories == ['db/migrations (dbmate)']
assert json.graph.tables*.name.sort() == ['comments', 'posts', 'users']
def fk = json.graph.foreignKeys.find { it.from.table == 'posts' }
assert fk.to.table == 'users'
assert fk.file == 'db/migrations/20240102120000_create_posts.sql'
assert fk.line == 4
return true
