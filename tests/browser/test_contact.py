"""Contact and participation cards on a phone: every value gets the card's width to itself."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

CARDS = {
    "contact/": ".c3-contact-card",
    "en/contact/": ".c3-contact-card",
    "participation/": ".c3-upcoming-card",
    "en/participation/": ".c3-upcoming-card",
}


@pytest.mark.parametrize(("url", "card"), CARDS.items())
def test_addresses_hours_and_how_to_join_are_not_squeezed_beside_their_labels_at_360_px(
    browser: Browser, base_url: str, url: str, card: str
) -> None:
    """At 360 px each value (address, hours, phones, how to join) is at least 80 % as wide as its card."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(base_url + url)
    ratios = phone.evaluate(
        """(card) => [...document.querySelectorAll(card)].flatMap(c => {
            const inner = c.clientWidth - parseFloat(getComputedStyle(c).paddingLeft)
                - parseFloat(getComputedStyle(c).paddingRight);
            const values = [...c.querySelectorAll('.c3-facts dd')];
            return values.map(dd => dd.getBoundingClientRect().width / inner);
        })""",
        card,
    )
    context.close()
    assert ratios, "no card with facts on the page"
    assert min(ratios) >= 0.8, ratios
