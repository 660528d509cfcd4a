package nl.wederkerig.api.claims;

import nl.wederkerig.api.claims.ReceiptScans.Scan;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.InitiativeId;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Receipt files in and out over HTTP, the same for the REST API and the pages. */
public final class ReceiptFiles {

    /**
     * For a receipt only: nothing it holds may load or run anything (a PDF's JavaScript, a form
     * posting elsewhere), and no other page of ours may frame it. {@code sandbox} without
     * {@code allow-scripts} stops script in the document whatever its type turns out to be.
     */
    static final String RECEIPT_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
            + "object-src 'none'; script-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox";

    private ReceiptFiles() {
    }

    /** The API's address of a receipt file: a browser's session is let in there too, so the pages link to it. */
    public static String path(CommunityId community, InitiativeId initiative, ClaimId claim, int number) {
        return "/api/v1/communities/" + community.value() + "/initiatives/" + initiative.value() + "/claims/" + claim.value()
                + "/receipts/" + number;
    }

    /** The uploaded parts' bytes, empty parts (a file field left empty) left out; none given is an empty list. */
    public static List<byte[]> bytesOf(List<MultipartFile> parts) throws IOException {
        List<byte[]> files = new ArrayList<>();
        if (parts == null) {
            return files;
        }
        if (parts.size() > ReceiptScans.MAX_RECEIPTS_PER_CLAIM) {
            throw new ReceiptRefused(ReceiptRefused.Reason.TOO_MANY,
                    "at most " + ReceiptScans.MAX_RECEIPTS_PER_CLAIM + " receipt files with one claim");
        }
        for (MultipartFile part : parts) {
            if (!part.isEmpty()) {
                if (part.getSize() > ReceiptScans.MAX_UPLOAD_BYTES) {
                    throw new ReceiptRefused(ReceiptRefused.Reason.TOO_LARGE, "a receipt file holds at most 5 MB");
                }
                files.add(part.getBytes());
            }
        }
        return files;
    }

    /**
     * The kept file with the type it was stored as (found by its content when it came in), shown in
     * the browser rather than saved, never guessed at by the browser, never kept in a shared cache.
     */
    public static ResponseEntity<byte[]> served(Scan scan, int number) {
        String extension = ReceiptScans.PDF.equals(scan.contentType()) ? ".pdf" : ".jpg";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(scan.contentType()))
                .contentLength(scan.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("bon-" + number + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", RECEIPT_POLICY)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(scan.bytes());
    }
}
