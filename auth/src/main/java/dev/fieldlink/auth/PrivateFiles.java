package dev.fieldlink.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that only their owner may read: signing keys, the secret-cipher key, the console's tokens. On file systems
 * without POSIX permissions (Windows) the permission parts are skipped; there the user's profile directory is
 * private by default.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /**
     * Replaces {@code file} with {@code content} so that readers see either the old or the new content, never a
     * partial one: writes a temporary file in the same directory created with mode 0600, forces it to disk, then
     * renames it over the target. Creates the parent directory (mode 0700) if needed.
     *
     * @throws UncheckedIOException if writing fails; the target is then unchanged
     */
    public static void writeAtomically(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            if (!Files.isDirectory(dir)) {
                if (posix(dir)) {
                    Files.createDirectories(
                            dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path tmp = posix(dir)
                    ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnly())
                    : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a file that its group or others may access.
     *
     * @throws IllegalStateException naming the file, its mode and the fix
     * @throws UncheckedIOException if the permissions cannot be read
     */
    public static void requireOwnerOnly(Path file) {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the permissions of " + file + ": " + e.getMessage(), e);
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(GROUP_OR_OTHERS);
        if (!open.isEmpty()) {
            throw new IllegalStateException(file + " is accessible by group or others (mode "
                    + PosixFilePermissions.toString(permissions) + "); it holds a secret: run chmod 600 " + file);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
