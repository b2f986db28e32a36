from jobbro.assessments.tests.conftest import shipped  # noqa: F401 - a fixture for these tests
