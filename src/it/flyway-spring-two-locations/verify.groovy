// Two classpath locations from Spring Boot's configuration, merged by version: V3 in db/core references a table V2
// in db/reporting created before it, so the build is clean.
import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/refguard/refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
assert json.stats.histories == ['src/main/resources/db/core,src/main/resources/db/reporting (Flyway)']
assert json.stats.files == 3
def shares = json.graph.foreignKeys.findAll { it.from.table == 'report_shares' }
assert shares*.to*.table.sort() == ['customers', 'reports']
return true
