package dev.refguard.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a migration file and decodes it into its text, noting where undecodable input was. */
final class FileDecoder {

    /** The decoded text and the char offset of the first undecodable input (-1 when none). */
    record Decoded(String text, int firstMalformed) {}

    /** Bytes read, and chars decoded, at a time. */
    private static final int CHUNK = 1 << 16;

    /** Each worker thread's buffers and decoder, reused file after file (no per-file buffers). */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        final ByteBuffer in = ByteBuffer.allocate(CHUNK);
        final CharBuffer out = CharBuffer.allocate(CHUNK);
        Charset charset;
        CharsetDecoder decoder;

        CharsetDecoder decoder(Charset wanted) {
            if (!wanted.equals(charset)) {
                charset = wanted;
                decoder = wanted.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
            }
            return decoder.reset();
        }
    }

    private FileDecoder() {}

    /**
     * Reads and decodes a file in chunks straight into its text, so the peak is the text twice (the
     * builder and the string made of it) rather than the bytes plus a char buffer plus the string, five
     * times the file for ASCII. Latin-1 text takes a byte a char, other text two.
     */
    static Decoded read(Path path, long size, Charset charset) throws IOException {
        try (ReadableByteChannel channel = Files.newByteChannel(path)) {
            return decode(channel, (int) Math.min(Integer.MAX_VALUE - 64L, size), charset);
        }
    }

    /** Decodes {@code bytes}, replacing undecodable input with U+FFFD and noting where the first one was. */
    static Decoded decode(byte[] bytes, Charset charset) {
        try {
            return decode(Channels.newChannel(new ByteArrayInputStream(bytes)), bytes.length, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to be read
        }
    }

    private static Decoded decode(ReadableByteChannel channel, int sizeHint, Charset charset) throws IOException {
        Buffers buffers = BUFFERS.get();
        CharsetDecoder decoder = buffers.decoder(charset);
        String replacement = decoder.replacement();
        // chars do not outnumber bytes in the charsets migrations are written in, so this is the final size
        StringBuilder text = new StringBuilder(Math.max(16, sizeHint));
        ByteBuffer in = buffers.in.clear();
        CharBuffer out = buffers.out.clear();
        int firstMalformed = -1;
        boolean endOfInput = false;
        while (true) {
            if (!endOfInput && channel.read(in) < 0) {
                endOfInput = true;
            }
            in.flip();
            CoderResult result = decoder.decode(in, out, endOfInput);
            text.append(out.array(), 0, out.position());
            out.clear();
            if (result.isError()) {
                if (firstMalformed < 0) {
                    firstMalformed = text.length();
                }
                text.append(replacement);
                in.position(in.position() + result.length());
            } else if (result.isUnderflow() && endOfInput) {
                break;
            }
            in.compact();
        }
        while (decoder.flush(out).isOverflow()) {
            text.append(out.array(), 0, out.position());
            out.clear();
        }
        text.append(out.array(), 0, out.position());
        return new Decoded(text.toString(), firstMalformed);
    }
}
