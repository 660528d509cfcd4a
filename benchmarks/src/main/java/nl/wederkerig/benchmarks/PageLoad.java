package nl.wederkerig.benchmarks;

import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.benchmarks.Latency.Percentiles;
import nl.wederkerig.core.community.AlreadyRegistered;
import nl.wederkerig.core.community.AssignRole;
import nl.wederkerig.core.community.RegisterMember;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleAlreadyHeld;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommandIdReused;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.MemberId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16: every page at p99 ≤ 50 ms with 16 people using the site at once. Sixteen logged-in
 * users of the generated book's first community, each in a browser session of its own (form log-in,
 * session cookie, as a browser does), walk through the pages their role shows them, round after
 * round, all at the same time: twelve neighbours (home, advances, one advance, neighbours, history,
 * help, errands, claims, account), both treasurers (home and the treasury of their initiative with
 * its bank lines), the coordinator (coordinator pages) and a partner representative (the partner's
 * page). Every answer must be 200 with a page, or the run stops: a figure over an error page lies.
 * Latency is per request, from sending to the whole body read, grouped by page.
 *
 * <p>Then one user of each role (a neighbour, a treasurer, the coordinator, the representative)
 * walks the same pages alone, one request at a time: what a page costs without queueing behind
 * fifteen others. Sixteen closed-loop users on two cores mostly wait, so the 16-user figure is
 * roughly the sum of the pages' lone costs; the lone figure says which page to make cheaper.
 */
final class PageLoad {

    static final int USERS = 16;
    static final int NEIGHBOURS = 12;
    /** Most rounds any run walks, whatever its size: 16 users × ~9 pages × 60 ≈ 8,600 requests. */
    static final int MAX_ROUNDS = 60;
    /** Most walks of the lone users: 4 roles × ≤ 9 pages × 100 ≈ 1,700 requests, a p99 over ≥ 100 each. */
    static final int MAX_LONE_ROUNDS = 100;
    static final double PAGE_P99_TARGET_MILLIS = 50;
    private static final String PASSWORD = "bench-pages-1";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Pattern ADVANCE_LINK = Pattern.compile("href=\"/advances/([A-Za-z0-9._~-]+)\"");

    /** One page's latency over every user who visited it; {@code users} walked at once (16, or 1 alone). */
    record PageFigures(String page, int users, int requests, Percentiles latency) {
    }

    /** A logged-in person and the pages their role shows them, as path templates named for the table. */
    private record User(String login, HttpClient client, Map<String, String> pages) {
    }

    private final LoginStore logins;
    private final CommandGateway gateway;
    private final LocalDate today;
    private final String base;

    PageLoad(LoginStore logins, CommandGateway gateway, LocalDate today, int port) {
        this.logins = logins;
        this.gateway = gateway;
        this.today = today;
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Logs the sixteen in (not timed), then times {@code rounds} walks of each through their pages, all at once;
     * then one user of each role walks alone ({@link #loneRounds}). The sixteen's figures come first.
     */
    List<PageFigures> run(int rounds) throws Exception {
        List<User> users = users();
        Map<String, ConcurrentLinkedQueue<Long>> nanosByPage = new ConcurrentHashMap<>();
        walk(users, Math.max(1, rounds / 10), new ConcurrentHashMap<>());
        walk(users, rounds, nanosByPage);
        List<PageFigures> figures = new ArrayList<>(figures(users, USERS, nanosByPage));
        Map<String, ConcurrentLinkedQueue<Long>> loneNanosByPage = new ConcurrentHashMap<>();
        for (User alone : onePerRole(users)) {
            walk(List.of(alone), loneRounds(rounds), loneNanosByPage);
        }
        figures.addAll(figures(users, 1, loneNanosByPage));
        return figures;
    }

    private static List<PageFigures> figures(List<User> users, int atOnce, Map<String, ConcurrentLinkedQueue<Long>> nanosByPage) {
        List<PageFigures> figures = new ArrayList<>();
        for (String page : pageOrder(users)) {
            long[] sorted = nanosByPage.get(page).stream().mapToLong(Long::longValue).sorted().toArray();
            figures.add(new PageFigures(page, atOnce, sorted.length, new Percentiles(Latency.percentile(sorted, 50) / 1e6,
                    Latency.percentile(sorted, 99) / 1e6)));
        }
        return figures;
    }

    /** The first user of each set of pages: a neighbour, a treasurer, the coordinator, the representative. */
    private static List<User> onePerRole(List<User> users) {
        Map<java.util.Set<String>, User> byPages = new LinkedHashMap<>();
        for (User user : users) {
            byPages.putIfAbsent(user.pages().keySet(), user);
        }
        return List.copyOf(byPages.values());
    }

    /** A lone user's walks: ten times the sixteen's rounds (each sees a page that often), at most {@link #MAX_LONE_ROUNDS}. */
    static int loneRounds(int rounds) {
        return Math.min(MAX_LONE_ROUNDS, 10 * rounds);
    }

    private static List<String> pageOrder(List<User> users) {
        List<String> order = new ArrayList<>();
        for (User user : users) {
            for (String page : user.pages().keySet()) {
                if (!order.contains(page)) {
                    order.add(page);
                }
            }
        }
        return order;
    }

    private void walk(List<User> users, int rounds, Map<String, ConcurrentLinkedQueue<Long>> nanosByPage) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<Void>> walks = new ArrayList<>();
            for (User user : users) {
                walks.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        for (Map.Entry<String, String> page : user.pages().entrySet()) {
                            long nanos = timedGet(user, page.getValue());
                            nanosByPage.computeIfAbsent(page.getKey(), key -> new ConcurrentLinkedQueue<>()).add(nanos);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> walk : walks) {
                walk.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long timedGet(User user, String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = user.client().send(get(path), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (answer.statusCode() != 200 || !answer.body().contains("<html")) {
            throw new IllegalStateException(user.login() + " asked for " + path + " and got " + answer.statusCode());
        }
        return nanos;
    }

    /** The book's first community: its founder coordinates, members 1 and 2 are the treasurers (see BookGenerator). */
    private List<User> users() throws Exception {
        CommunityId community = BookGenerator.community(0);
        List<User> users = new ArrayList<>();
        for (int n = 0; n < NEIGHBOURS; n++) {
            User neighbour = loggedIn(community, BookGenerator.member(0, 10 + n), neighbourPages());
            anAdvanceOf(neighbour).ifPresent(advance -> neighbour.pages().put("one advance", "/advances/" + advance));
            users.add(neighbour);
        }
        for (int fund = 0; fund < 2; fund++) {
            Map<String, String> pages = new LinkedHashMap<>();
            String treasury = "/initiatives/" + BookGenerator.initiative(0, fund).value() + "/treasury";
            pages.put("home (Mijn overzicht)", "/");
            pages.put("treasury", treasury);
            pages.put("treasury: bank lines", treasury + "/lines");
            users.add(loggedIn(community, BookGenerator.member(0, 1 + fund), pages));
        }
        Map<String, String> coordinator = new LinkedHashMap<>();
        coordinator.put("coordinator", "/coordinator");
        coordinator.put("coordinator: members", "/coordinator/members");
        coordinator.put("coordinator: partner entries", "/coordinator/partners/" + BookGenerator.partner(0).value() + "/entries");
        users.add(loggedIn(community, BookGenerator.member(0, 0), coordinator));
        users.add(partnerRepresentative(community));
        if (users.size() != USERS) {
            throw new IllegalStateException("the page load needs " + USERS + " users, has " + users.size());
        }
        return users;
    }

    /** The book registers only the founder and the treasurers; the others only appear in advances and claims. */
    private void registered(CommunityId community, MemberId member) {
        try {
            gateway.sendAndWait(new RegisterMember(community, CommandId.of("bench-pages-" + member.value()), member, today,
                    BookGenerator.member(0, 0)));
        } catch (AlreadyRegistered | CommandIdReused registeredBefore) {
            // the founder and the treasurers, or an earlier book size of the same run
        }
    }

    private static Map<String, String> neighbourPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home (Mijn overzicht)", "/");
        pages.put("advances", "/advances");
        pages.put("neighbours", "/neighbours");
        pages.put("history", "/history");
        pages.put("help", "/help");
        pages.put("errands", "/errands");
        pages.put("claims", "/claims");
        pages.put("account", "/account");
        return pages;
    }

    /** The last member of the community represents its partner: the book names no representative, so one is appointed. */
    private User partnerRepresentative(CommunityId community) throws Exception {
        MemberId representative = BookGenerator.member(0, BookGenerator.MEMBERS_PER_COMMUNITY - 1);
        registered(community, representative);
        try {
            gateway.sendAndWait(new AssignRole(community, CommandId.of("bench-pages-representative"), representative,
                    Role.representativeOf(BookGenerator.partner(0)), today, BookGenerator.member(0, 0)));
        } catch (RoleAlreadyHeld | CommandIdReused appointedBefore) {
            // at an earlier book size of the same run
        }
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("partner", "/partners/" + BookGenerator.partner(0).value());
        return loggedIn(community, representative, pages);
    }

    private User loggedIn(CommunityId community, MemberId member, Map<String, String> pages) throws Exception {
        registered(community, member);
        String login = "bench-pages-" + member.value();
        if (!logins.exists(login)) {
            logins.register(login, PASSWORD, community, member);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(REQUEST_TIMEOUT).build();
        String form = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        String body = "username=" + encode(login) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf(form));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String target = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || target.contains("error")) {
            throw new IllegalStateException(login + " could not log in: " + answer.statusCode() + " to " + target);
        }
        return new User(login, client, new LinkedHashMap<>(pages));
    }

    /** One of the neighbour's own advances, as their advances page links it (a full book gives each dozens; a small one may give none). */
    private Optional<String> anAdvanceOf(User neighbour) throws Exception {
        String page = neighbour.client().send(get("/advances"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher link = ADVANCE_LINK.matcher(page);
        return link.find() ? Optional.of(link.group(1)) : Optional.empty();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/html").header("Accept-Language", "nl").GET().build();
    }

    private static String csrf(String form) {
        Matcher token = CSRF.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("the log-in page carries no CSRF token");
        }
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static int rounds(int queries) {
        return Math.min(MAX_ROUNDS, Math.max(2, queries / 200));
    }

    /** The book and how many requests the figures of {@code atOnce} users (16, or 1 alone) stand on. */
    static String label(List<PageFigures> figures, int atOnce, String bookLabel) {
        int requests = figures.stream().filter(page -> page.users() == atOnce).mapToInt(PageFigures::requests).sum();
        return atOnce == 1
                ? String.format(java.util.Locale.ROOT, "%s, 1 user of each role alone, %,d requests", bookLabel, requests)
                : String.format(java.util.Locale.ROOT, "%s, %d users at once, %,d requests", bookLabel, atOnce, requests);
    }
}
