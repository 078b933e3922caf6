// Issue 7, "the profile pattern counts": public.users holds every application FK, and profiles.id is an FK to
// auth.users. An extension FK (a table's whole primary key referencing an identity table) is never counted, by
// shape, so the profiles line passes whether or not public.profiles is configured as an identity table.
import groovy.json.JsonSlurper

['refguard-default', 'refguard-configured'].each { dir ->
    def json = new JsonSlurper().parse(new File(basedir, "target/${dir}/refguard.json"))
    assert json.findings == [] : "${dir}: unexpected findings: ${json.findings}"
    def fks = json.graph.foreignKeys
    assert fks.count { it.to.schema == 'auth' && it.to.table == 'users' } == 2 : dir
    assert fks.count { it.to.schema == 'public' && it.to.table == 'users' } == 3 : dir
}
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
return true
