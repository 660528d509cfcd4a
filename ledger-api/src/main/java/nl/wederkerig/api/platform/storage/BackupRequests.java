package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.logins.Login;
import nl.wederkerig.api.platform.ApplicationService;
import nl.wederkerig.api.platform.security.Access;

/**
 * What a request for a backup means, whichever front door it came through: only the installation's
 * system administrator may take one (it is about the machine, not a wijk). The daily backup
 * ({@link Backups#scheduled}) is no request and calls {@link Backups#take} itself.
 */
@ApplicationService
public class BackupRequests {

    private final Backups backups;
    private final Access access;

    BackupRequests(Backups backups, Access access) {
        this.backups = backups;
        this.access = access;
    }

    public Backups.Backup take(Login me) {
        access.requireSystemAdmin(me);
        return backups.take();
    }
}
