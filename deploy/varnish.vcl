# Varnish in front of the application servers (docs/scale-out.md).
# The backends and the round-robin director `app` come from backends.vcl next to this file
# (written per deployment; scripts/scaleout.sh writes one for its two gunicorn instances).
vcl 4.1;

import directors;

include "backends.vcl";

# Who may purge: the application servers and the task worker.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # The path with every query string (?page=2, ...), whatever the host.
        ban("obj.http.X-Url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors (logged in) and the admin are never cached; the site sets no other cookie
    # a cached page would need, so anonymous requests lose theirs.
    if (req.url ~ "^/(admin|documents)/" || req.http.Cookie ~ "sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.X-Url = bereq.url;
    # Only what Django marks public is kept (never a page that used a CSRF token).
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # While the application is unreachable, keep serving the last copy for an hour.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Url;
}
