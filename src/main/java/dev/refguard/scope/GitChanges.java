package dev.refguard.scope;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The files a pull request changes: those added or modified between the merge base of {@code HEAD} and a ref (e.g.
 * {@code origin/main}) and the working tree, plus files git does not track yet. Read with the {@code git} command,
 * so no library has to understand every repository format (worktrees, partial clones, alternates) that git itself
 * does. Only local commands run: nothing fetches, and no prompt can wait for input.
 */
public final class GitChanges {
    private static final long TIMEOUT_SECONDS = 60;

    private GitChanges() {}

    /**
     * The files changed since the merge base with {@code ref}, relative to {@code baseDir} with {@code /}; files
     * outside {@code baseDir} are left out.
     *
     * @throws ScopeException with one line saying what to fetch or install when git cannot answer
     */
    public static Set<String> since(Path baseDir, String ref) {
        String name = ref.strip();
        Result inside = git(baseDir, "rev-parse", "--is-inside-work-tree");
        if (inside.exit() != 0 || !inside.out().strip().equals("true")) {
            throw new ScopeException("sinceRef=" + name + " needs a git working tree, and " + baseDir
                    + " is not inside one; run refguard in a clone, or leave sinceRef unset");
        }
        if (git(baseDir, "rev-parse", "--verify", "--quiet", name + "^{commit}").exit() != 0) {
            throw new ScopeException("sinceRef=" + name + " is not a ref this clone has; fetch it first: git fetch "
                    + fetchArguments(name)
                    + (shallow(baseDir) ? " (this is a shallow clone: git fetch --unshallow)" : ""));
        }
        Result base = git(baseDir, "merge-base", name, "HEAD");
        if (base.exit() != 0 || base.out().isBlank()) {
            if (shallow(baseDir)) {
                throw new ScopeException(
                        "sinceRef=" + name + ": no merge base with HEAD in this shallow clone; fetch the"
                                + " history: git fetch --unshallow (on GitHub Actions: actions/checkout with fetch-depth: 0)");
            }
            throw new ScopeException("sinceRef=" + name + " has no common history with HEAD; name the branch the"
                    + " change will merge into, e.g. origin/main");
        }
        String mergeBase = base.out().strip();
        Set<String> changed = new TreeSet<>();
        // the working tree against the merge base: committed, staged and unstaged changes alike
        changed.addAll(paths(require(git(
                baseDir, "diff", "--name-only", "-z", "--no-renames", "--relative", "--diff-filter=d", mergeBase))));
        changed.addAll(paths(require(git(baseDir, "ls-files", "--others", "--exclude-standard", "-z"))));
        return changed;
    }

    private static boolean shallow(Path baseDir) {
        Result r = git(baseDir, "rev-parse", "--is-shallow-repository");
        return r.exit() == 0 && r.out().strip().equals("true");
    }

    /** {@code origin main} for {@code origin/main}; the ref itself otherwise. */
    static String fetchArguments(String ref) {
        String r = ref.startsWith("refs/remotes/") ? ref.substring("refs/remotes/".length()) : ref;
        int slash = r.indexOf('/');
        if (slash > 0 && !r.startsWith("refs/")) {
            return r.substring(0, slash) + " " + r.substring(slash + 1);
        }
        return "origin " + r;
    }

    private static List<String> paths(String nulSeparated) {
        List<String> out = new ArrayList<>();
        for (String p : nulSeparated.split("\0")) {
            if (!p.isEmpty()) {
                out.add(p.replace('\\', '/'));
            }
        }
        return out;
    }

    private static String require(Result r) {
        if (r.exit() != 0) {
            throw new ScopeException("git " + r.command() + " failed: " + oneLine(r.err()));
        }
        return r.out();
    }

    private record Result(String command, int exit, String out, String err) {}

    private static Result git(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
        builder.environment().put("LC_ALL", "C");
        String shown = String.join(" ", List.of(args));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ScopeException(
                    "sinceRef needs the git command, and it could not be run (" + e.getMessage()
                            + "); install git or leave sinceRef unset",
                    e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ScopeException("git " + shown + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(
                    shown,
                    process.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScopeException("git " + shown + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ScopeException("interrupted while running git " + shown, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
