// The profile-table pattern passes: one FK bridges public.profiles to auth.users, every application FK uses
// public.profiles.
import groovy.json.JsonSlurper

def reportDir = new File(basedir, 'target/refguard')
def json = new JsonSlurper().parse(new File(reportDir, 'refguard.json'))
assert json.findings == [] : "unexpected findings: ${json.findings}"
def fks = json.graph.foreignKeys
assert fks.count { it.to.schema == 'auth' && it.to.table == 'users' } == 1
assert fks.count { it.to.schema == 'public' && it.to.table == 'profiles' } == 3

def sarif = new JsonSlurper().parse(new File(reportDir, 'refguard.sarif'))
assert sarif.runs[0].results == []
return true
