"""Which address the access log records (issue 7, item 3): X-Forwarded-For only from the
number of proxies configured as trusted, counted from the right."""

import pytest
from django.test import RequestFactory

from jobbro.audit.services import client_ip


def request(remote="203.0.113.9", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(forwarded="10.9.9.9")) == "203.0.113.9"


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", "198.51.100.7")) == "198.51.100.7"


def test_a_spoofed_entry_left_of_the_proxys_own_is_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sent "X-Forwarded-For: 10.9.9.9"; the proxy appended what it saw.
    assert client_ip(request("10.0.0.2", "10.9.9.9, 198.51.100.7")) == "198.51.100.7"


def test_behind_two_proxies_the_second_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    forwarded = "10.9.9.9, 198.51.100.7, 10.0.0.3"
    assert client_ip(request("10.0.0.2", forwarded)) == "198.51.100.7"


@pytest.mark.parametrize(
    "forwarded",
    ["", "not-an-address", "198.51.100.7:4444", "<script>", "1.2.3.4.5", " , "],
)
def test_an_invalid_forwarded_address_falls_back_to_the_peer(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", forwarded)) == "10.0.0.2"


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("10.0.0.2", "198.51.100.7")) == "10.0.0.2"


def test_a_missing_header_behind_a_proxy_falls_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2")) == "10.0.0.2"


def test_ipv6_is_kept_in_its_short_form(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("::1", "2001:0db8:0000::0001")) == "2001:db8::1"


def test_no_usable_address_at_all_is_none(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("")) is None
