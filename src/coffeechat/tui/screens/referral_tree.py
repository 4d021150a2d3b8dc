"""The referral tree: who led to whom, from one contact or across the whole network."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from ...domain.referrals import Network, Node, count
from ...domain.text import one_line
from ...store import Store
from ..commands import bindings
from ..widgets.footer import CalmFooter
from ..widgets.header import AppHeader


def _label(node: Node, *, current: bool = False) -> Text:
    label = Text(one_line(node.person.name), style="bold reverse" if current else "")
    if node.loops_back:
        label.append("  ↺ already above (referrals loop)", style="italic dim")
    elif node.children:
        label.append(f"  ({count(node)} led from here)", style="dim")
    return label


class ReferralTreeScreen(Screen[int | None]):
    """Dismisses with the id of a contact to highlight (g), or None (escape)."""

    BINDINGS = bindings("tree")
    HELP_NAME = "Referral tree"
    DEFAULT_CSS = """
    ReferralTreeScreen #tree { height: 1fr; border: round $primary; padding: 0 1; }
    ReferralTreeScreen #tree-hint { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, store: Store, contact_id: int | None) -> None:
        super().__init__()
        self.store = store
        self.contact_id = contact_id
        self.whole = contact_id is None
        self.network: Network = store.history.network()

    def compose(self) -> ComposeResult:
        yield AppHeader()
        yield Static("", id="tree-hint", markup=False)
        tree: Tree[int] = Tree("Me", id="tree")
        tree.show_root = True
        yield tree
        yield CalmFooter()

    def on_mount(self) -> None:
        self.sub_title = "Referral tree"
        self.build()
        self.query_one(Tree).focus()

    def build(self) -> None:
        tree: Tree[int] = self.query_one(Tree)
        tree.clear()
        hint = self.query_one("#tree-hint", Static)
        if self.whole or self.contact_id is None:
            tree.root.set_label(Text("Me"))
            roots = self.network.roots()
            for root in roots:
                self._add(tree.root, self.network.down(root))
            tree.root.expand()
            people = len(self.network.people)
            hint.update(
                f"Everyone you reached through referrals: {people} people, "
                f"{len(roots)} at the top. m: just the highlighted contact · g: go to contact"
                if roots
                else "No referrals yet: record an outcome with referrals after a call."
            )
            return
        person = self.network.people.get(self.contact_id) or self.store.history.person(
            self.contact_id
        )
        if person is None:
            hint.update("That contact no longer exists.")
            return
        tree.root.set_label(Text("Me"))
        parent = tree.root
        for ancestor in self.network.chain_up(person.id):
            parent = parent.add(Text(one_line(ancestor.name)), data=ancestor.id, expand=True)
        known = person.id in self.network.people
        node = self.network.down(person.id) if known else Node(person)
        current = self._add(parent, node, current=True)
        tree.root.expand()
        chain = len(self.network.chain_up(person.id))
        hint.update(
            f"{one_line(person.name)}: {chain} up the chain, {count(node)} led from them. "
            "m: whole network · g: go to contact"
        )
        self.call_after_refresh(tree.move_cursor, current)

    def _add(self, parent: TreeNode[int], node: Node, *, current: bool = False) -> TreeNode[int]:
        label = _label(node, current=current)
        if not node.children:
            return parent.add_leaf(label, data=node.person.id)
        added = parent.add(label, data=node.person.id, expand=True)
        for child in node.children:
            self._add(added, child)
        return added

    def action_whole_network(self) -> None:
        if self.contact_id is None:
            self.notify("Open the tree from a contact (t on the list) to see one chain.")
            return
        self.whole = not self.whole
        self.build()

    def action_go_to_contact(self) -> None:
        node = self.query_one(Tree).cursor_node
        if node is None or node.data is None:
            return
        self.dismiss(node.data)

    def action_close_view(self) -> None:
        self.dismiss(None)
