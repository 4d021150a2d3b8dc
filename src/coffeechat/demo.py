"""A realistic sample database for `coffeechat --demo`, tests and screenshots.

Everything goes in through the store, with dates relative to *now*, so the agenda is
always alive: follow-ups overdue, due today and coming, a call planned for the next
days and a thank-you note owed for yesterday's call. No textual here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from .demo_loop import close_the_loop
from .domain.business_days import add_business_days
from .domain.outreach import placeholder_values
from .domain.templates import INTRO, choose_variant, default_text, fill
from .models import Contact, Medium, Organization, OutcomeKind, ReplyKind, Status, TargetStatus
from .models_activity import Article, Draft, FollowUp, NextStep, Outcome, Profile, Referral
from .paths import ensure_private_dir
from .store import Store
from .usecases.calls import Plan, end_call, save_plan
from .usecases.contacts import change_status, save_contact
from .usecases.employers import rate_employer
from .usecases.followups import add_followup, complete_followup
from .usecases.outcomes import save_outcome
from .usecases.outreach import log_touch, mark_sent, record_reply
from .usecases.profile import save_profile

PROFILE = Profile(
    name="Alex Morgan",
    background="a PhD candidate in cell biology at Riverside University",
    email="alex.morgan@example.org",
    phone="+1 555 0100",
)

STORY = """\
## Why this school
Riverside had the best live-cell imaging core in the region, and a lab that let me own a project.

## Why that first job
Two years as a lab technician taught me how a team ships an assay, not only how to run one.

## Why I left
I want to see science turn into something patients use, which the bench alone does not show me.

## My strengths
Explaining a messy result clearly; keeping a long project on schedule; mentoring new students.

## What I'm looking for
To learn how people moved from research into translational and patient-facing roles.
"""

ORG_RESEARCH = {
    "Northbridge Biologics": "Mid-size biologics company; two antibodies in phase II. "
    "Hiring into translational science after the 2025 reorganisation.",
    "Cascade Therapeutics": "Gene therapy start-up, ~120 people. Runs a scientific "
    "liaison team that talks to clinicians and patient groups.",
}

# name, title, organization, status, how found, tags, purpose, next action, days from today
_CONTACTS: tuple[tuple[str, str, str, Status, str, str, str, str, int | None], ...] = (
    ("Priya Raman", "Science Writer", "Open Science Press", Status.TO_CONTACT, "article",
     "writing", "career away from the bench", "Write the intro letter", 1),
    ("Daniel Osei", "Medical Science Liaison", "Northbridge Biologics", Status.TO_CONTACT,
     "alumni list", "alumni, msl", "career away from the bench", "Research first", 3),
    ("Sofia Castillo", "Program Officer", "Bright Futures Foundation", Status.TO_CONTACT,
     "conference", "funding", "networking", "", None),
    ("Maria Okafor", "Director of Translational Science", "Northbridge Biologics",
     Status.LETTER_SENT, "alumni list", "alumni, biotech", "career away from the bench", "", None),
    ("Ben Adler", "Technology Transfer Manager", "Riverside University", Status.LETTER_SENT,
     "alumni list", "tech transfer", "business partner", "", None),
    ("Grace Liu", "Senior Scientist", "Lumen Labs", Status.FOLLOW_UP_DUE, "conference",
     "imaging", "paper collaboration", "", None),
    ("Tom Lindqvist", "Patient Advocacy Lead", "Harbor Health", Status.SCHEDULED, "article",
     "patients", "patient groups", "Call", 2),
    ("Amara Nwosu", "Clinical Operations Manager", "Harbor Health", Status.SCHEDULED,
     "alumni list", "clinical", "career away from the bench", "Call", 1),
    ("Hannah Berg", "Head of Medical Affairs", "Cascade Therapeutics", Status.INTERVIEWED,
     "alumni list", "alumni, gene therapy", "career away from the bench",
     "Send the thank-you note", 0),
    ("Rafael Mendes", "Consultant", "Meridian Consulting", Status.INTERVIEWED, "conference",
     "consulting", "networking", "Read the report he mentioned", 4),
    ("Chloe Martin", "Scientific Editor", "Open Science Press", Status.THANKED, "article",
     "writing, editing", "career away from the bench", "", None),
    ("Yusuf Demir", "Regulatory Affairs Specialist", "Northbridge Biologics", Status.THANKED,
     "referral", "regulatory", "career away from the bench", "", None),
    ("Elena Petrova", "Patient Community Director", "Patients Together", Status.KEEP_IN_TOUCH,
     "conference", "patients", "patient groups", "Share the survey results", 12),
    ("Marcus Webb", "Principal Scientist", "Lumen Labs", Status.KEEP_IN_TOUCH, "alumni list",
     "alumni, imaging", "paper collaboration", "Congratulate on the paper", 20),
    ("Olivia Brandt", "VP Research", "Cascade Therapeutics", Status.NO_REPLY, "article",
     "gene therapy", "career away from the bench", "", None),
    ("Kenji Watanabe", "Partner", "Meridian Consulting", Status.DECLINED, "conference",
     "consulting", "business partner", "", None),
    ("Noura Saleh", "Data Scientist", "Lumen Labs", Status.TO_CONTACT, "alumni list",
     "data, alumni", "networking", "", None),
    ("Lena Fischer", "Partnerships Manager", "Bright Futures Foundation", Status.TO_CONTACT,
     "alumni list", "alumni, funding", "business partner", "", None),
)  # fmt: skip

# The method around the calls: target employers rated the LAMP way (motivation 0–3,
# posting 1–3, advocacy set by hand where no contact shows it), and where people live.
_EMPLOYERS = (
    ("Lumen Labs", 3, 3, None, TargetStatus.ACTIVE),
    ("Cascade Therapeutics", 3, 2, None, TargetStatus.ACTIVE),
    ("Northbridge Biologics", 2, 3, None, TargetStatus.ACTIVE),
    ("Harbor Health", 2, 2, None, TargetStatus.ACTIVE),
    ("Open Science Press", 2, 1, True, TargetStatus.ACTIVE),
    ("Bright Futures Foundation", 1, 1, None, TargetStatus.ACTIVE),
    ("Meridian Consulting", 1, 2, None, TargetStatus.ON_HOLD),
    ("Riverside University", 0, 1, None, TargetStatus.RULED_OUT),
)
_TIME_ZONES = (
    ("Tom Lindqvist", "Europe/Stockholm"),
    ("Lena Fischer", "Europe/Berlin"),
    ("Daniel Osei", "America/New_York"),
    ("Rafael Mendes", "Europe/Lisbon"),
)


#: The number to dial, for the people with a call planned or held.
PHONES = {
    "Tom Lindqvist": "+1 617 555 0134",
    "Amara Nwosu": "+1 617 555 0178",
    "Hannah Berg": "+1 415 555 0112",
    "Rafael Mendes": "+44 20 7946 0321",
}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    contacts: int
    held_interview_id: int
    planned_interview_id: int
    outcome_id: int


def fill_demo(store: Store, now: datetime) -> DemoSummary:
    """Fill an empty *store* with the sample set, dated around *now*."""
    today = now.date()
    save_profile(store, PROFILE)
    store.notes.save_story(STORY)

    people: dict[str, Contact] = {}
    for name, title, org, status, found, tags, purpose, action, days in _CONTACTS:
        first = name.split()[0].lower()
        domain = org.lower().replace(" ", "") + ".example"
        people[name] = store.contacts.add(
            Contact(
                name=name,
                title=title,
                organization=org,
                email=f"{first}@{domain}",
                phone=PHONES.get(name, ""),
                url=f"https://www.linkedin.com/in/{name.lower().replace(' ', '-')}",
                how_found=found,
                tags=tags,
                purpose=purpose,
                status=status,
                next_action=action,
                next_action_date=(today + timedelta(days=days)).isoformat()
                if days is not None
                else "",
            )
        )
    _research(store, people)
    _letters(store, people, today)
    held_id = _held_call(store, people["Hannah Berg"], now - timedelta(days=1))
    planned = save_plan(
        store,
        _id(people["Tom Lindqvist"]),
        Plan(
            scheduled_at=_minutes(datetime.combine(today + timedelta(days=2), time(14, 0))),
            medium=Medium.VIDEO,
            length_minutes=30,
            questions=tuple(store.questions.defaults()[:5]),
        ),
        now,
    )
    save_plan(
        store,
        _id(people["Amara Nwosu"]),
        Plan(
            scheduled_at=_minutes(datetime.combine(today + timedelta(days=1), time(9, 30))),
            medium=Medium.PHONE,
            length_minutes=15,
            # Trimmed to what fits a 15-minute call.
            questions=tuple(store.questions.defaults_for(15)),
        ),
        now,
    )
    outcome_id = _demo_outcome(store, held_id, people["Hannah Berg"], today)
    _followups(store, people, today)
    close_the_loop(store, people["Chloe Martin"], people["Yusuf Demir"], now)
    _method(store, people, today)
    return DemoSummary(store.contacts.count(), held_id, _id(planned), outcome_id)


def _minutes(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _id(contact: Contact | object) -> int:
    value = getattr(contact, "id", None)
    assert value is not None
    return value


def _research(store: Store, people: dict[str, Contact]) -> None:
    for org, body in ORG_RESEARCH.items():
        org_id = store.organizations.find(org)
        if org_id is not None:
            store.notes.save_organization_research(org_id, body)
    store.notes.save_research(
        _id(people["Hannah Berg"]),
        "# Hannah Berg\n\nPhD in virology; eight years at the bench before moving to "
        "medical affairs in 2019.\n\n- Spoke at the BioCareers panel on leaving the lab\n"
        "- Built Cascade's liaison team from two people to twelve\n",
    )
    store.notes.save_research(
        _id(people["Tom Lindqvist"]),
        "Runs the patient advisory board at Harbor Health. Wrote about involving patients "
        "early in trial design.",
    )
    store.notes.save_research(
        _id(people["Maria Okafor"]),
        "Same PhD programme as me (2011). Leads a group of 15 translational scientists.",
    )
    # Amara's call is the nearest: she is researched and the goals are written.
    store.notes.save_research(
        _id(people["Amara Nwosu"]),
        "Runs clinical operations for Harbor Health's trials (~40 studies). Moved from a "
        "postdoc in immunology to a CRA role in 2018, then into operations.\n\n"
        "- Spoke on decentralised trials at the 2025 SCRS summit\n",
    )
    store.notes.save_self_assessment(
        _id(people["Amara Nwosu"]),
        "What I want to learn: how a scientist becomes useful in trial operations, and "
        "whether a CRA role is the usual door.\nWhy her: she made that move from a postdoc.",
    )
    store.notes.save_self_assessment(
        _id(people["Hannah Berg"]),
        "What I want to learn: what a medical affairs week looks like, and which skills "
        "from the lab carry over.\nWhy her: she made the exact move I am considering.",
    )
    store.notes.save_self_assessment(
        _id(people["Tom Lindqvist"]),
        "How patient voices shape research priorities; whether scientists work in advocacy.",
    )
    for name, title, url, read in (
        ("Hannah Berg", "Leaving the bench without leaving science", "berg-panel", True),
        ("Hannah Berg", "Medical affairs in gene therapy: a primer", "ma-primer", False),
        ("Tom Lindqvist", "Patients as partners in trial design", "partners", True),
        ("Maria Okafor", "Northbridge annual report 2025", "northbridge-2025", False),
    ):  # fmt: skip
        store.articles.add(
            Article(
                _id(people[name]),
                title,
                url=f"https://example.org/{url}",
                is_read=read,
                notes="Worth quoting in the letter" if read else "",
            )
        )


def _letters(store: Store, people: dict[str, Contact], today: date) -> None:
    """A sent intro letter with its follow-ups, another one due today, one in progress."""
    for name, business_days_ago, status in (
        ("Maria Okafor", 4, None),
        ("Ben Adler", 2, None),
        ("Grace Liu", 7, Status.FOLLOW_UP_DUE),
        ("Olivia Brandt", 15, Status.NO_REPLY),
    ):
        contact = people[name]
        sent_on = add_business_days(today, -business_days_ago)
        body = _letter(contact, sent_on)
        draft = store.drafts.save(
            Draft(_id(contact), INTRO, body=body, subject="A question about your work")
        )
        mark_sent(store, draft, contact, datetime.combine(sent_on, time(9, 15)))
        if status is not None:
            # Olivia never answered: "no reply" closes her 3B7 nudges, nothing left to do.
            change_status(store, _id(contact), status, today)
    priya = people["Priya Raman"]
    store.drafts.save(
        Draft(_id(priya), INTRO, body=_letter(priya, today), subject="Your piece on lab careers")
    )


def _letter(contact: Contact, day: date) -> str:
    """The intro letter in the wording of the contact's purpose (the shipped variant)."""
    values = placeholder_values(profile=PROFILE, contact=contact, today=day)
    return fill(default_text(choose_variant(INTRO, purpose=contact.purpose).names[0]), values).text


def _held_call(store: Store, contact: Contact, started: datetime) -> int:
    """A 28-minute phone call: five questions, four ticked, answers and a note log."""
    interviews = store.interviews
    questions = store.questions.defaults()[:5]
    interview = interviews.create(
        _id(contact),
        scheduled_at=started.isoformat(timespec="minutes"),
        questions=questions,
    )
    assert interview.id is not None
    interviews.start(interview.id, started, questions)
    items = interviews.checklist(interview.id)
    answers = (
        "Mostly reading trial data and turning it into answers for clinicians.",
        "Communication; knowing when a result is solid enough to talk about.",
        "Go to the MSL society meetings; read the FDA guidance on scientific exchange.",
        "",
    )
    for minute, (item, answer) in enumerate(zip(items, answers, strict=False)):
        interviews.set_asked(_id(item), True, started + timedelta(minutes=4 + 6 * minute))
        if answer:
            interviews.set_answer(_id(item), answer)
    for minute, text, about in (
        (2, "Small talk: she also started in a virology lab", None),
        (6, "A typical week: 40% calls with clinicians, 30% reading, 30% internal", items[0]),
        (13, "Skills: presenting, saying no politely, knowing the data cold", items[1]),
        (21, "Suggested talking to Jonah Park (liaison team) and Leila Haddad", items[2]),
        (26, "Offered to introduce me to both by email", None),
    ):
        interviews.add_note(
            interview.id,
            text,
            minute=minute,
            checklist_item_id=about.id if about else None,
            now=started + timedelta(minutes=minute),
        )
    end_call(store, interview.id, started + timedelta(minutes=28))
    return interview.id


def _demo_outcome(store: Store, interview_id: int, contact: Contact, today: date) -> int:
    """The outcome of the held call, with two referrals that become contacts."""
    referrals = (
        Referral("Jonah Park", "Medical Science Liaison", "Cascade Therapeutics",
                 email="jonah@cascadetherapeutics.example", how_to_reach="Hannah will introduce"),
        Referral("Leila Haddad", "Clinical Trial Manager", "Meridian Consulting",
                 email="leila@meridianconsulting.example", how_to_reach="Mention Hannah"),
    )  # fmt: skip
    saved = save_outcome(
        store,
        Outcome(
            interview_id=interview_id,
            kind=OutcomeKind.REFERRAL_OFFERED,
            learned="Medical affairs sits between research and the clinic; most of the job is "
            "explaining data to doctors.",
            skills="Presenting to clinicians; reading trial statistics; regulatory basics",
            advice="Keep one foot in the data: liaisons who read papers are trusted.",
            resources="MSL Society meetings; FDA guidance on scientific exchange",
            assignments="Draft a 2-minute summary of my thesis for a clinician",
            next_steps=(
                NextStep("Send Hannah my thesis summary", (today + timedelta(days=5)).isoformat()),
            ),
            confidence=4,
            referrals=referrals,
        ),
        today,
    )
    for contact_id in saved.created:
        store.contacts.with_changes(
            contact_id,
            next_action="Wait for Hannah's introduction",
            next_action_date=(today + timedelta(days=3)).isoformat(),
        )
    assert saved.outcome.id is not None
    return saved.outcome.id


def _followups(store: Store, people: dict[str, Contact], today: date) -> None:
    for name, kind, title, days in (
        ("Rafael Mendes", "next_step", "Read the market report he mentioned", -2),
        ("Elena Petrova", "next_step", "Share the patient survey results", 3),
        ("Chloe Martin", "follow_up", "Send the article draft she offered to look at", 0),
    ):
        due = add_business_days(today, days) if days else today
        add_followup(store, FollowUp(_id(people[name]), kind, due.isoformat(), title=title), today)
    # Grace's letter went out seven business days ago: the second person at Lumen Labs was
    # reached on the third day; following up with her is what is due now.
    for followup in store.followups.for_contact(_id(people["Grace Liu"]), open_only=True):
        if followup.kind == "second_person":
            complete_followup(
                store,
                _id(followup),
                datetime.combine(date.fromisoformat(followup.due_date), time(9)),
            )


def _method(store: Store, people: dict[str, Contact], today: date) -> None:
    """Target employers, time zones, an out-of-office reply, and keeping in touch."""
    for org, motivation, posting, advocacy, target in _EMPLOYERS:
        rate_employer(
            store,
            Organization(
                org,
                id=store.organizations.find(org),
                motivation=motivation,
                posting=posting,
                advocacy=advocacy,
                target_status=target,
            ),
        )
    for name, zone in _TIME_ZONES:
        current = store.contacts.get(_id(people[name]))
        assert current is not None
        save_contact(store, replace(current, time_zone=zone))
    # Ben's letter got an automatic answer: away until Thursday; his nudges wait for him.
    record_reply(
        store,
        _id(people["Ben Adler"]),
        today,
        ReplyKind.OUT_OF_OFFICE,
        back_on=add_business_days(today, 3),
    )
    # Thanked people start keeping in touch; Elena has not heard from you in months.
    for name in ("Chloe Martin", "Yusuf Demir"):
        change_status(store, _id(people[name]), Status.THANKED, today)
    log_touch(store, _id(people["Elena Petrova"]), today - timedelta(days=100), "Patient forum")
    log_touch(store, _id(people["Marcus Webb"]), today - timedelta(days=30), "Coffee")


@contextmanager
def demo_database(now: datetime) -> Iterator[Store]:
    """A throwaway demo database in a private temporary folder, removed on exit."""
    folder = Path(tempfile.mkdtemp(prefix="coffeechat-demo-"))
    try:
        os.chmod(folder, 0o700)
        ensure_private_dir(folder)
        store = Store.open(folder / "demo.db")
        try:
            fill_demo(store, now)
            yield store
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
