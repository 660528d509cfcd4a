package nl.wederkerig.api.platform.privacy;

import nl.wederkerig.core.shared.MemberId;

import java.util.Optional;

/**
 * Where each member's key is kept, encrypted by the {@link MasterKey}. By default a directory apart
 * from the database ({@link KeyDirectory}), so a copy or backup of the database never holds a key
 * and erasing a member reaches every such copy at once; {@link KeyTable} keeps them in the database
 * for several application instances on one PostgreSQL database.
 */
public interface SubjectKeys {

    Optional<String> find(MemberId member);

    /** Keeps {@code encryptedKeyset} unless the member has a key already; returns the key that is kept. */
    String keep(MemberId member, String encryptedKeyset);

    /** Destroys the member's key for good; destroying an absent key changes nothing. */
    void destroy(MemberId member);
}
