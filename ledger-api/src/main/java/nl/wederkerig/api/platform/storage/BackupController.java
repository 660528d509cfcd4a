package nl.wederkerig.api.platform.storage;

import nl.wederkerig.api.logins.Login;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/backups}: the installation's system administrator takes an online backup of
 * the embedded database into {@code ./data/backups} (docs/operations.md, "Back up"). It is about the
 * machine, not a wijk: nobody else may, whatever their roles.
 */
@RestController
class BackupController {

    private final BackupRequests backups;

    BackupController(BackupRequests backups) {
        this.backups = backups;
    }

    @PostMapping("/api/v1/backups")
    ResponseEntity<Backups.Backup> take(@AuthenticationPrincipal Login me) {
        return ResponseEntity.status(HttpStatus.CREATED).body(backups.take(me));
    }
}
