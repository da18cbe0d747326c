"""What a browser test must never see, whatever it clicks: a JavaScript error in the console,
an uncaught exception in a page, a Content-Security-Policy violation or a 5xx answer.

``Watcher(context)`` listens to every page, tab and frame of a browser context from the
moment it is made; ``watcher.problems`` lists what went wrong and the ``new_page`` fixture
(tests/browser/conftest.py) fails the test when it is not empty.
"""

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
  );
});
"""


class Watcher:
    def __init__(self, context):
        self.problems = []
        self.csp_violations = []
        context.expose_function("reportCspViolation", self.csp_violation)
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self.console)
        context.on("weberror", self.page_error)
        context.on("response", self.response)

    def csp_violation(self, violation):
        self.csp_violations.append(violation)
        self.problems.append(f"CSP violation: {violation}")

    def console(self, message):
        if message.type != "error":
            return
        where = message.page.url if message.page else ""
        self.problems.append(f"console error on {where}: {message.text}")

    def page_error(self, web_error):
        where = web_error.page.url if web_error.page else ""
        self.problems.append(f"uncaught error on {where}: {web_error.error}")

    def response(self, response):
        if response.status >= 500:
            self.problems.append(f"{response.status} from {response.request.method} {response.url}")

    def expect(self, fragment):
        """Allow the problems containing ``fragment`` (a 4xx a test provokes on purpose shows
        up as a console error): they no longer fail the test."""
        self.problems = [problem for problem in self.problems if fragment not in problem]
