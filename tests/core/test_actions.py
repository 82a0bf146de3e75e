"""Account actions against a real sandbox: each does its job, sends one key per user action
and leaves the cache current."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from icanal_desktop.core import actions
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.client import new_idempotency_key
from icanal_desktop.core.errors import ConflictError, RequestValidationError, SessionExpiredError
from icanal_desktop.core.sync import sync_account

from ..conftest import DEMO
from .conftest import Account


def test_plan_change_with_preview(synced: Account) -> None:
    cache, client = synced.cache, synced.client
    sub = cache.subscriptions()[0]
    dearer = max(cache.plans(), key=lambda p: p.monthly_price.amount)
    assert dearer.id != sub.plan.id
    preview = actions.preview_plan_change(client, sub.id, dearer.id)
    assert preview.plan_id == dearer.id
    assert preview.immediate
    assert preview.new_monthly_price.amount > preview.current_monthly_price.amount
    assert preview.amount_due_now.amount >= 0
    key = new_idempotency_key()
    done = actions.change_plan(client, cache, sub.id, dearer.id, idempotency_key=key)
    assert done.value.subscription.plan.id == dearer.id
    assert done.refresh.ok
    assert cache.subscriptions()[0].plan.id == dearer.id  # the cache follows
    if done.value.bill_id is not None:
        assert done.value.bill_id in {b.id for b in cache.bills()}
    again = actions.change_plan(client, cache, sub.id, dearer.id, idempotency_key=key)
    assert again.value.subscription.plan.id == dearer.id  # a retry replays, no second change
    bills_after = [b for b in cache.bills() if b.id == done.value.bill_id]
    assert len(bills_after) <= 1


def test_cancellation_preview_cancel_and_reactivate(synced: Account) -> None:
    cache, client = synced.cache, synced.client
    sub = cache.subscriptions()[0]
    preview = actions.preview_cancellation(client, sub.id)
    assert preview.earliest_effective_date > dt.date.today()
    assert preview.remaining_commitment_months > 0  # demo@ is under commitment
    assert preview.early_termination_fee.amount > 0
    cancelled = actions.cancel_subscription(client, cache, sub.id, "too_expensive", "trop cher")
    assert cancelled.value.status == "pending_cancellation"
    assert cache.subscriptions()[0].status == "pending_cancellation"
    assert cache.subscriptions()[0].cancellation is not None
    assert "pending_cancellation" in {a.kind for a in cache.alerts()}
    back = actions.reactivate_subscription(client, cache, sub.id)
    assert back.value.status == "active"
    assert cache.subscriptions()[0].status == "active"


def test_auto_renew(synced: Account) -> None:
    sub = synced.cache.subscriptions()[0]
    done = actions.set_auto_renew(synced.client, synced.cache, sub.id, not sub.auto_renew)
    assert done.value.auto_renew is not sub.auto_renew
    assert synced.cache.subscriptions()[0].auto_renew is not sub.auto_renew


def test_payment_methods_add_default_and_remove(synced: Account) -> None:
    cache, client = synced.cache, synced.client
    token = actions.tokenize_card(client, "5555 5555 5555 4444", 11, 2030, "321", "C. Durand")
    assert token.last4 == "4444"
    assert "5555" not in repr(token)
    card = actions.add_card(client, cache, token.token).value
    assert card.last4 == "4444"
    sepa = actions.add_sepa_debit(
        client, cache, "FR14 2004 1010 0505 0001 3M02 606", "Camille Durand", True
    ).value
    assert sepa.iban_masked is not None
    assert "0505" not in sepa.iban_masked
    wallet = actions.add_mobile_money(client, cache, "orange_money", "+2250701020304").value
    assert wallet.msisdn_masked is not None
    assert "01020" not in wallet.msisdn_masked
    assert {card.id, sepa.id, wallet.id} <= {m.id for m in cache.payment_methods()}

    actions.set_default_payment_method(client, cache, card.id)
    default = cache.snapshot().default_payment_method
    assert default is not None
    assert default.id == card.id

    methods = cache.payment_methods()
    for method in methods[:-1]:
        actions.remove_payment_method(client, cache, method.id)
    assert len(cache.payment_methods()) == 1
    with pytest.raises(ConflictError) as caught:
        actions.remove_payment_method(client, cache, methods[-1].id)
    assert caught.value.reason == "last-payment-method"
    assert len(cache.payment_methods()) == 1


def test_invalid_payment_details_never_leave_the_computer(synced: Account) -> None:
    before = sum(synced.client.attempts.values())
    with pytest.raises(RequestValidationError) as caught:
        actions.tokenize_card(synced.client, "4242 4242 4242 4241", 1, 2020, "12", "")
    assert {e.field for e in caught.value.field_errors} == {"number", "exp", "cvc", "holder"}
    with pytest.raises(RequestValidationError):
        actions.add_sepa_debit(synced.client, synced.cache, "FR76 0000", "X", True)
    with pytest.raises(RequestValidationError):
        actions.add_mobile_money(synced.client, synced.cache, "wave", "0701020304")
    assert sum(synced.client.attempts.values()) == before


def test_tickets_create_and_reply(synced: Account) -> None:
    cache, client = synced.cache, synced.client
    bill = cache.bills()[0]
    thread = actions.create_ticket(
        client, cache, "billing", "Question sur ma facture", "Bonjour, pouvez-vous…", bill.id
    ).value
    assert thread.ticket.bill_id == bill.id
    assert thread.messages[0].body.startswith("Bonjour")
    assert thread.ticket.id in {t.id for t in cache.tickets()}
    replied = actions.reply_to_ticket(client, cache, thread.ticket.id, "Merci !").value
    assert "Merci !" in [m.body for m in replied.messages]
    cached = cache.ticket_thread(thread.ticket.id)
    assert cached is not None
    assert "Merci !" in [m.body for m in cached.messages]


def test_profile_and_password(synced: Account) -> None:
    cache, client = synced.cache, synced.client
    done = actions.update_profile(client, cache, {"phone": "+33700000001", "language": "en"})
    assert done.value.phone == "+33700000001"
    profile = cache.profile()
    assert profile is not None
    assert profile.language == "en"
    with pytest.raises(RequestValidationError) as caught:
        actions.update_profile(client, cache, {"email": "new@icanal.example"})
    assert caught.value.field_errors[0].field == "current_password"
    actions.change_password(client, DEMO[1], "Nouveau-2026!")
    client.logout()
    client.login(DEMO[0], "Nouveau-2026!")


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("4242 4242 4242 4242", True),
        ("4242424242424241", False),
        ("1234", False),
        ("4242-4242-4242-4242", False),
        ("378282246310005", True),
    ],
)
def test_luhn(number: str, ok: bool) -> None:
    assert actions.luhn_ok(number) is ok


@pytest.mark.parametrize(
    ("iban", "ok"),
    [
        ("FR76 3000 6000 0112 3456 7890 189", True),
        ("FR76 3000 6000 0112 3456 7890 188", False),
        ("DE89370400440532013000", True),
        ("XX00", False),
    ],
)
def test_iban(iban: str, ok: bool) -> None:
    assert (actions.iban_errors(iban) == []) is ok


def test_chat_answers_from_the_faq(synced: Account) -> None:
    answer = actions.ask_chat(synced.client, "Comment changer mon offre ?")
    assert answer.answer
    if answer.faq_id is not None:
        assert answer.faq_id in {e.id for e in synced.cache.faq()}


def test_forgotten_password_reset_by_code_signs_other_sessions_out(synced: Account) -> None:
    client = synced.client
    other = ApiClient(client.server_url)
    other.login(*DEMO)
    anonymous = ApiClient(client.server_url)
    anonymous.request_password_reset(DEMO[0])
    anonymous.request_password_reset("nobody@icanal.example")  # same answer: no enumeration
    outbox = client.get_json("outbox", "/sandbox/outbox", params={"to": DEMO[0]}).data
    code = re.search(r"\b(\d{6,8})\b", outbox["items"][0]["body"])
    assert code is not None
    anonymous.confirm_password_reset(DEMO[0], code.group(1), "Retrouve-2026!")
    with pytest.raises(SessionExpiredError):
        other.get_profile()  # every session of the account was revoked
    assert anonymous.login(DEMO[0], "Retrouve-2026!").account_id
    with pytest.raises(RequestValidationError):
        anonymous.confirm_password_reset(DEMO[0], code.group(1), "Encore-2026!")  # single use


def test_an_expired_access_token_is_refreshed_and_the_new_one_kept(synced: Account) -> None:
    rotated: list[str] = []
    client = synced.client
    client.on_tokens_rotated = lambda tokens: rotated.append(tokens.refresh_token)
    before = client.tokens
    assert before is not None
    client.send_json("POST", "/sandbox/clock", "clock", {"advance_seconds": 16 * 60})
    client.statuses.clear()
    assert sync_account(client, synced.cache).ok
    assert client.statuses[401] == 1  # one refusal, one refresh, then everything worked
    assert len(rotated) == 1
    assert rotated[0] != before.refresh_token
    with pytest.raises(SessionExpiredError):
        ApiClient(client.server_url).restore(before.refresh_token)  # the old one is dead


def test_time_passing_makes_a_due_bill_overdue_and_alerts(synced: Account) -> None:
    due = synced.cache.bills(status="due")
    assert due
    days = (due[0].due_date - dt.date.today()).days + 2
    synced.client.send_json(
        "POST", "/sandbox/clock", "clock", {"advance_seconds": days * 24 * 3600}
    )
    report = sync_account(synced.client, synced.cache, today=dt.date.today() + dt.timedelta(days))
    assert report.ok, report.failed
    now_overdue = {b.id for b in synced.cache.bills(status="overdue")}
    assert due[0].id in now_overdue
    alerts = {(a.kind, a.subject_id) for a in synced.cache.alerts()}
    assert ("bill_overdue", due[0].id) in alerts
