def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: an integration test with subprocesses; deselect with -m 'not slow'"
    )
