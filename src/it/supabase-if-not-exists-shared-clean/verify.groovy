// IF NOT EXISTS on the project's own, only definition of a table is fine, even with sharedTables configured.
import groovy.json.JsonSlurper

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
assert json.graph.tables.find { it.schema == 'public' && it.name == 'app_profiles' } != null

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
assert sarif.runs[0].results == []
return true
