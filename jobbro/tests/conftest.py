from jobbro.assessments.tests.conftest import shipped  # noqa: F401 - a fixture for these tests
from jobbro.tests.test_browser import page  # noqa: F401 - the browser for test_browser_*.py
