package dev.charton.input.parquet;

import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses, when the file is opened, row groups whose declared sizes no valid file has: a negative
 * row count (the batches would be sized from it), column chunks that run past the end of the file
 * (parquet-java allocates a chunk's declared size before it reads it), and pages of a row group's
 * last requested chunk that, as their headers declare them, run past the end of the file.
 * parquet-java reads that one chunk leniently (old writers understated its size): when a page there
 * declares more bytes than the chunk holds, it allocates the difference before it reads it, so a
 * file of a few hundred bytes could make it allocate 2 GiB. In the other chunks such a page fails
 * when it is read, without the allocation. Only that chunk's page headers are read, one small read
 * a page.
 */
final class RowGroupBounds {
    private RowGroupBounds() {
    }

    static void check(InputFile file, List<BlockMetaData> rowGroups, MessageType requested) throws IOException {
        check(file, rowGroups, requested, PageHeaders.FIRST_READ);
    }

    /** As {@link #check(InputFile, List, MessageType)}, reading at first {@code firstRead} bytes of each page header. */
    static void check(InputFile file, List<BlockMetaData> rowGroups, MessageType requested, int firstRead)
            throws IOException {
        Set<ColumnPath> wanted = new HashSet<>();
        requested.getColumns().forEach(c -> wanted.add(ColumnPath.get(c.getPath())));
        long fileLength = file.getLength();
        try (SeekableInputStream in = file.newStream()) {
            PageHeaders headers = new PageHeaders(in, fileLength, firstRead);
            for (int group = 0; group < rowGroups.size(); group++) {
                long rows = rowGroups.get(group).getRowCount();
                if (rows < 0) {
                    throw new ParquetDecodingException("row group " + (group + 1) + " declares " + rows + " rows");
                }
                // parquet-java never reads the chunks of an empty row group, whatever they declare.
                if (rows == 0) {
                    continue;
                }
                ColumnChunkMetaData last = null;
                for (ColumnChunkMetaData chunk : rowGroups.get(group).getColumns()) {
                    if (wanted.contains(chunk.getPath())) {
                        checkExtent(chunk, fileLength, group + 1);
                        last = chunk;
                    }
                }
                // The chunk parquet-java reads last: the last requested one in the row group's order.
                if (last != null) {
                    checkPages(headers, last, fileLength, group + 1);
                }
            }
        }
    }

    private static void checkExtent(ColumnChunkMetaData chunk, long fileLength, int group) {
        long start = chunk.getStartingPos();
        long size = chunk.getTotalSize();
        if (start < 0 || size < 0 || start > fileLength || size > fileLength - start) {
            throw pastTheEnd("column", chunk, group);
        }
    }

    private static void checkPages(PageHeaders headers, ColumnChunkMetaData chunk, long fileLength, int group)
            throws IOException {
        long position = chunk.getStartingPos();
        long end = position + chunk.getTotalSize();
        while (position < end) {
            if (position >= fileLength) {
                throw pastTheEnd("a page of column", chunk, group);
            }
            PageHeader header = headers.at(position);
            long pageEnd = position + headers.lastLength() + header.getCompressed_page_size();
            if (header.getCompressed_page_size() < 0 || pageEnd > fileLength) {
                throw pastTheEnd("a page of column", chunk, group);
            }
            position = pageEnd;
        }
    }

    /**
     * Page headers read with one read each: Thrift takes a stream a byte at a time, which on a file
     * is a system call a byte (81,000 of them to open a 10M-row file of four columns). A header
     * longer than the first read (large statistics) is read from the stream as before.
     */
    private static final class PageHeaders {
        private static final int FIRST_READ = 1 << 12;
        private final SeekableInputStream in;
        private final long fileLength;
        private final byte[] buffer;
        private long lastLength;

        PageHeaders(SeekableInputStream in, long fileLength, int firstRead) {
            this.in = in;
            this.fileLength = fileLength;
            this.buffer = new byte[firstRead];
        }

        PageHeader at(long position) throws IOException {
            int length = (int) Math.min(buffer.length, fileLength - position);
            in.seek(position);
            in.readFully(buffer, 0, length);
            ByteArrayInputStream bytes = new ByteArrayInputStream(buffer, 0, length);
            try {
                PageHeader header = Util.readPageHeader(bytes);
                lastLength = length - bytes.available();
                return header;
            } catch (IOException cutShort) {
                in.seek(position);
                PageHeader header = Util.readPageHeader(in);
                lastLength = in.getPos() - position;
                return header;
            }
        }

        /** The length in bytes of the header {@link #at} read last. */
        long lastLength() {
            return lastLength;
        }
    }

    private static ParquetDecodingException pastTheEnd(String what, ColumnChunkMetaData chunk, int group) {
        return new ParquetDecodingException(what + " '" + chunk.getPath().toDotString() + "' in row group "
                + group + " runs past the end of the file (truncated?)");
    }
}
