package org.nngrader.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.WatchEvent;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's file system with two faults that tests can switch on without root: a folder in
 * which nothing may be created (as a read-only parent of {@code --out} is, for a user who is not
 * root), and a disk that is full after a given number of bytes written. Paths of this file system
 * wrap real paths; everything else is passed through.
 */
final class FaultyFileSystem extends FileSystem {

  private final FileSystem real = FileSystems.getDefault();
  private final Provider provider = new Provider();
  private volatile Path readOnlyFolder;
  private final AtomicLong bytesLeft = new AtomicLong(Long.MAX_VALUE);

  /** Nothing may be created directly inside {@code folder} (a real path). */
  FaultyFileSystem readOnly(Path folder) {
    this.readOnlyFolder = folder.toAbsolutePath().normalize();
    return this;
  }

  /** Writes fail with "No space left on device" once {@code bytes} more have been written. */
  FaultyFileSystem fullAfter(long bytes) {
    bytesLeft.set(bytes);
    return this;
  }

  Path wrap(Path p) {
    return p == null ? null : new FaultyPath(this, p);
  }

  static Path unwrap(Path p) {
    return p instanceof FaultyPath f ? f.real : p;
  }

  private void checkCreate(Path realPath) throws IOException {
    Path folder = readOnlyFolder;
    Path parent = realPath.toAbsolutePath().normalize().getParent();
    if (folder != null && folder.equals(parent)) {
      throw new AccessDeniedException(realPath.toString());
    }
  }

  @Override
  public FileSystemProvider provider() {
    return provider;
  }

  @Override
  public void close() {}

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public String getSeparator() {
    return real.getSeparator();
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return () -> java.util.stream.StreamSupport.stream(real.getRootDirectories().spliterator(),
        false).map(this::wrap).iterator();
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return real.getFileStores();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return real.supportedFileAttributeViews();
  }

  @Override
  public Path getPath(String first, String... more) {
    return wrap(real.getPath(first, more));
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    PathMatcher m = real.getPathMatcher(syntaxAndPattern);
    return p -> m.matches(unwrap(p));
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    return real.getUserPrincipalLookupService();
  }

  @Override
  public WatchService newWatchService() throws IOException {
    return real.newWatchService();
  }

  /** A channel that counts the bytes written against the disk's free space. */
  private final class Counting extends FileChannel {
    private final FileChannel channel;
    private final Path file;

    Counting(FileChannel channel, Path file) {
      this.channel = channel;
      this.file = file;
    }

    private void spend(int n) throws IOException {
      if (bytesLeft.addAndGet(-n) < 0) {
        throw new FileSystemException(file.toString(), null, "No space left on device");
      }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return channel.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return channel.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      spend(src.remaining());
      return channel.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      long n = 0;
      for (int i = offset; i < offset + length; i++) {
        n += write(srcs[i]);
      }
      return n;
    }

    @Override
    public long position() throws IOException {
      return channel.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      channel.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      channel.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      channel.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target)
        throws IOException {
      return channel.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count)
        throws IOException {
      spend((int) Math.min(Integer.MAX_VALUE, count));
      return channel.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return channel.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      spend(src.remaining());
      return channel.write(src, position);
    }

    @Override
    public java.nio.MappedByteBuffer map(MapMode mode, long position, long size)
        throws IOException {
      return channel.map(mode, position, size);
    }

    @Override
    public java.nio.channels.FileLock lock(long position, long size, boolean shared)
        throws IOException {
      return channel.lock(position, size, shared);
    }

    @Override
    public java.nio.channels.FileLock tryLock(long position, long size, boolean shared)
        throws IOException {
      return channel.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      channel.close();
    }
  }

  private final class Provider extends FileSystemProvider {
    private final FileSystemProvider real = FaultyFileSystem.this.real.provider();

    @Override
    public String getScheme() {
      return "faulty";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
      return FaultyFileSystem.this;
    }

    @Override
    public Path getPath(URI uri) {
      return wrap(Path.of(uri));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
        FileAttribute<?>... attrs) throws IOException {
      return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options,
        FileAttribute<?>... attrs) throws IOException {
      Path p = unwrap(path);
      boolean writes = options.contains(StandardOpenOption.WRITE)
          || options.contains(StandardOpenOption.APPEND);
      if (writes && !java.nio.file.Files.exists(p)) {
        checkCreate(p);
      }
      FileChannel channel = real.newFileChannel(p, options, attrs);
      return writes ? new Counting(channel, p) : channel;
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir,
        DirectoryStream.Filter<? super Path> filter) throws IOException {
      DirectoryStream<Path> stream =
          real.newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
      return new DirectoryStream<>() {
        @Override
        public Iterator<Path> iterator() {
          Iterator<Path> it = stream.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Path next() {
              return wrap(it.next());
            }
          };
        }

        @Override
        public void close() throws IOException {
          stream.close();
        }
      };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
      checkCreate(unwrap(dir));
      real.createDirectory(unwrap(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
      real.delete(unwrap(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
      checkCreate(unwrap(target));
      real.copy(unwrap(source), unwrap(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
      checkCreate(unwrap(target));
      real.move(unwrap(source), unwrap(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
      return real.isSameFile(unwrap(path), unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
      return real.isHidden(unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
      return real.getFileStore(unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
      real.checkAccess(unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type,
        LinkOption... options) {
      return real.getFileAttributeView(unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type,
        LinkOption... options) throws IOException {
      return real.readAttributes(unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes,
        LinkOption... options) throws IOException {
      return real.readAttributes(unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
        throws IOException {
      real.setAttribute(unwrap(path), attribute, value, options);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
      return wrap(real.readSymbolicLink(unwrap(link)));
    }
  }

  /** A real path seen through the faulty file system. */
  private static final class FaultyPath implements Path {
    private final FaultyFileSystem fs;
    private final Path real;

    FaultyPath(FaultyFileSystem fs, Path real) {
      this.fs = fs;
      this.real = real;
    }

    @Override
    public FileSystem getFileSystem() {
      return fs;
    }

    @Override
    public boolean isAbsolute() {
      return real.isAbsolute();
    }

    @Override
    public Path getRoot() {
      return fs.wrap(real.getRoot());
    }

    @Override
    public Path getFileName() {
      return fs.wrap(real.getFileName());
    }

    @Override
    public Path getParent() {
      return fs.wrap(real.getParent());
    }

    @Override
    public int getNameCount() {
      return real.getNameCount();
    }

    @Override
    public Path getName(int index) {
      return fs.wrap(real.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
      return fs.wrap(real.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
      return real.startsWith(unwrap(other));
    }

    @Override
    public boolean endsWith(Path other) {
      return real.endsWith(unwrap(other));
    }

    @Override
    public Path normalize() {
      return fs.wrap(real.normalize());
    }

    @Override
    public Path resolve(Path other) {
      return fs.wrap(real.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
      return fs.wrap(real.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
      return real.toUri();
    }

    @Override
    public Path toAbsolutePath() {
      return fs.wrap(real.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
      return fs.wrap(real.toRealPath(options));
    }

    @Override
    public File toFile() {
      return real.toFile();
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events,
        WatchEvent.Modifier... modifiers) throws IOException {
      return real.register(watcher, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
      return real.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FaultyPath f && f.real.equals(real);
    }

    @Override
    public int hashCode() {
      return real.hashCode();
    }

    @Override
    public String toString() {
      return real.toString();
    }
  }
}
