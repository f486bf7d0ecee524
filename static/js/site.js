// After a form is sent back with errors, move focus to the error summary so keyboard and
// screen-reader users hear what to fix (WCAG 3.3.1).
document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector(".error-summary");
    if (summary) {
        summary.focus();
    }
});
