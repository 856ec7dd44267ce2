"""Browser tests: the built site in headless Chromium (Playwright)."""
