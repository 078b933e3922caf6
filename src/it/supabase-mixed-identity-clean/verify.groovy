// The first incident fixed: all 13 application FKs reference public.users; only the bridge references auth.users.
import groovy.json.JsonSlurper

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
def fks = json.graph.foreignKeys
assert fks.count { it.to.schema == 'public' && it.to.table == 'users' } == 13
assert fks.count { it.to.schema == 'auth' && it.to.table == 'users' } == 1

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
assert sarif.runs[0].results == []
return true
