// Returns a closure that lists every file and folder below a project directory with what would show a write:
// size, SHA-256, modification time (full precision) and permissions of files, modification time of folders
// (a file created and deleted again in a folder changes the folder's time). Maven's build.log is left out.
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.security.MessageDigest

return { File dir ->
    Path root = dir.toPath()
    Map<String, String> entries = new TreeMap<>()
    Files.walk(root).withCloseable { stream ->
        stream.forEach { Path p ->
            String rel = root.relativize(p).toString().replace('\\', '/')
            if (rel == 'build.log') {
                return
            }
            def mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString()
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                entries[rel] = "dir ${mtime}"
            } else {
                def sha = MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p)).encodeHex().toString()
                def perms
                try {
                    perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                } catch (UnsupportedOperationException ignored) {
                    perms = '-'
                }
                entries[rel] = "file ${Files.size(p)} ${sha} ${mtime} ${perms}"
            }
        }
    }
    entries
}
