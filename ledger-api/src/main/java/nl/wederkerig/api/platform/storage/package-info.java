/**
 * Where the book is kept, seen from operations: whether the store takes writes just now (a full disk,
 * a read-only directory: {@link nl.wederkerig.api.platform.storage.StorageFailures},
 * {@link nl.wederkerig.api.platform.storage.StoreWritability}, the {@code storage} health), getting
 * back on its feet when it does again without a restart ({@link nl.wederkerig.api.platform.storage.BrokenConnections}),
 * and online backups of the embedded database ({@link nl.wederkerig.api.platform.storage.Backups}).
 */
package nl.wederkerig.api.platform.storage;
