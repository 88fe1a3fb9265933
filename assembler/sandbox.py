"""The Jinja sandbox templates render in: no escape from the sandbox, and no way to hang or exhaust the machine.

A workspace may override any template with its own .docx (``WS/templates/``), edited in Word by
whoever has the file. Jinja's ``SandboxedEnvironment`` already stops attribute walks to Python
internals; it does not stop a template from asking for ``9**99999999``, ``'a'*10**9``, two nested
``range(100000)`` loops or a macro that calls itself. :class:`LimitedEnvironment` adds:

* arithmetic and repetition limits checked *before* the operation runs (``**``, ``*``, ``+``, ``%``,
  ``~`` and string/list methods with a width or count), so no single step allocates gigabytes;
* ``range`` limited per call and per render (a budget of loop steps);
* a cap on the size of the rendered part, checked as it streams out;
* a wall-clock deadline: checked at each of the above, and enforced from a watchdog thread for
  loops that touch none of them (CPython: the render thread gets an exception at its next step);
* no loader (``include``/``import``/``extends`` are refused by name), and only the globals a
  template needs (``range``, ``namespace``, ``dict``), not ``lipsum``/``cycler``/``joiner``;
* the immutable variant of the sandbox: ``list.append`` and friends are refused.

Every refusal is a :class:`TemplateLimitError`; :mod:`assembler.render` turns it into a message
naming the template and the operation. The limits are far above what the shipped templates use
(the largest rendered part of the example is ~0.4 MB, none uses arithmetic), so legitimate
templates render exactly as before.
"""

from __future__ import annotations

import contextvars
import ctypes
import math
import operator
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextlib import suppress as _suppress
from dataclasses import dataclass, field
from typing import Any

from jinja2 import BaseLoader, Template, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: Longest string or list one template operation may produce (characters or items).
MAX_LEN = 10_000_000
#: Largest integer an operation may produce, in bits (about 1 200 decimal digits).
MAX_INT_BITS = 4096
#: Items of one ``range()`` call, and of all ``range()`` loops of one rendered part together.
MAX_RANGE = 100_000
MAX_RANGE_TOTAL = 1_000_000
#: Size of one rendered part (document body, a header...), in characters: the example's largest is ~0.4 M.
MAX_OUTPUT = 50_000_000
#: Characters or items all guarded operations of one render may create together: a loop that keeps
#: 10 M-character strings alive (``ns.l = ns.l + [big ~ i]``) stops here, long before the memory does.
MAX_CREATED = 500_000_000
#: Wall-clock time one template may take to render (the example's whole package takes ~4 s).
RENDER_SECONDS = 60.0


class TemplateLimitError(SecurityError):
    """A template asked for more than a document can need; ``kind`` picks the message."""

    def __init__(self, kind: str, detail: str = "", limit: object = "") -> None:
        self.kind = kind
        self.detail = detail
        self.limit = limit
        super().__init__(f"{kind}: {detail} (limit {limit})")


class _OvertimeError(TemplateLimitError):
    """Raised asynchronously in the rendering thread by the watchdog (see :func:`_watchdog`).

    ``PyThreadState_SetAsyncExc`` instantiates it without arguments.
    """

    def __init__(self) -> None:
        super().__init__("time", "", _seconds(RENDER_SECONDS))


@dataclass
class _Budget:
    seconds: float
    deadline: float
    range_left: int = MAX_RANGE_TOTAL
    created: int = 0
    fired: bool = field(default=False)

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateLimitError("time", "", _seconds(self.seconds))


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("siap_template_budget", default=None)


def _seconds(value: float) -> str:
    return f"{value:g}"


def _tick() -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()


def _charge(size: int) -> None:
    """Count what an operation is about to create against the render's :data:`MAX_CREATED`."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.created += size
        if budget.created > MAX_CREATED:
            raise TemplateLimitError("created", "", MAX_CREATED)


@contextmanager
def limits(seconds: float | None = None) -> Iterator[None]:
    """Run one template render under a fresh budget and a watchdog; :class:`TemplateLimitError` on overrun."""
    seconds = RENDER_SECONDS if seconds is None else seconds
    budget = _Budget(seconds=seconds, deadline=time.monotonic() + seconds)
    token = _BUDGET.set(budget)
    try:
        with _watchdog(budget, seconds):
            yield
    except _OvertimeError:
        raise TemplateLimitError("time", "", _seconds(seconds)) from None
    finally:
        _BUDGET.reset(token)


@contextmanager
def _watchdog(budget: _Budget, seconds: float) -> Iterator[None]:
    """After ``seconds``, raise :class:`_OvertimeError` in this thread at its next Python step (CPython only).

    The guards above stop every template operation that allocates or counts; this stops the rest
    (an empty loop over a long list inside another one). The lock makes "finished" and "fire"
    exclusive. Should the shot land outside the protected steps, it is a TemplateLimitError like the
    others, so it still ends as the time-limit message.
    """
    set_async_exc = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if set_async_exc is None:  # pragma: no cover - not CPython: the inline checks still apply
        yield
        return
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    done = threading.Event()
    state = {"finished": False}

    def watch() -> None:
        if done.wait(seconds):
            return
        with lock:
            if not state["finished"]:
                budget.fired = True
                set_async_exc(target, ctypes.py_object(_OvertimeError))
        # One shot only: a second could land after the render has ended. If something swallowed this
        # one (a gc callback, a __del__), the deadline checks in every loop and operation stop the render.

    watcher = threading.Thread(target=watch, name="siap-template-watchdog", daemon=True)
    try:
        watcher.start()
        yield
    finally:
        # Stand down: once "finished" is set under the lock no shot is fired, and a pending one is
        # cleared. The shot can land on a step of this loop itself; it is caught and the loop repeated.
        # Only a shot that was fired is cleared: CPython 3.11 leaves its eval breaker raised after a
        # clearing call with nothing pending, and under a profiler or debugger (cProfile, coverage, an
        # IDE) that made the process spin for ever at its next step.
        while True:
            try:
                with lock:
                    state["finished"] = True
                    if budget.fired:
                        set_async_exc(target, None)
                break
            except _OvertimeError:
                continue
        done.set()
        watcher.join()


# --- the checks ------------------------------------------------------------------------------------


def _short(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value) if value.bit_length() <= 64 else f"<bilangan {value.bit_length()} bit>"
    elif isinstance(value, str):
        text = repr(value if len(value) <= 20 else value[:17] + "...")
    elif isinstance(value, (list, tuple)):
        text = f"<daftar {len(value)} butir>"
    else:
        text = type(value).__name__
    return text


def _sized(value: Any) -> int | None:
    if isinstance(value, (str, bytes, list, tuple)):
        return len(value)
    return None


def _check_power(left: Any, right: Any) -> None:
    big = isinstance(left, int) and isinstance(right, int) and right > 1 and abs(left) > 1
    if big and right * math.log2(abs(left)) > MAX_INT_BITS:
        raise TemplateLimitError("power", f"{_short(left)} ** {_short(right)}", MAX_INT_BITS)


def _check_multiply(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        if abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS:
            raise TemplateLimitError("power", f"{_short(left)} * {_short(right)}", MAX_INT_BITS)
        return
    for seq, count in ((left, right), (right, left)):
        size = _sized(seq)
        if size is not None and isinstance(count, int):
            if size * count > MAX_LEN:
                raise TemplateLimitError("size", f"{_short(left)} * {_short(right)}", MAX_LEN)
            _charge(size * count)


def _check_add(left: Any, right: Any) -> None:
    a, b = _sized(left), _sized(right)
    if a is not None and b is not None:
        if a + b > MAX_LEN:
            raise TemplateLimitError("size", f"{_short(left)} + {_short(right)}", MAX_LEN)
        _charge(a + b)


#: A field width or precision in a %-format or a str.format spec (``%09999999d``, ``{:>9999999}``).
_WIDTH = re.compile(r"%[-#0 +]*(\d+)|%[-#0 +]*\d*\.(\d+)|\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")


_NESTED_SPEC = re.compile(r"\{[^{}]*:[^{}]*\{")


def _check_format(fmt: Any, *args: Any) -> None:
    if not isinstance(fmt, str):
        return
    for match in _WIDTH.finditer(fmt):
        digits = next(g for g in match.groups() if g)
        if len(digits) > 8 or int(digits) > MAX_LEN:
            raise TemplateLimitError("size", _short(fmt), MAX_LEN)
    if "*" in fmt:  # '%*d' % (10**9, 1): the width is an argument
        _check_counts(args, {})


def _check_counts(args: Iterable[Any], kwargs: dict[str, Any], what: str = "") -> None:
    """A width or count argument (``center(10**9)``, ``batch(10**9)``) larger than any output may be."""
    values = [*args, *kwargs.values()]
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_LEN:
            shown = f"{what}({', '.join(_short(v) for v in values)})" if what else _short(value)
            raise TemplateLimitError("size", shown, MAX_LEN)


def check_printed(value: Any, what: str = "") -> None:
    """A list, dict or tuple about to be turned into text: refuse before ``str()`` builds gigabytes.

    ``[[1]*10**5]*10**4`` holds only 10 000 references but prints as a billion numbers; the walk
    counts what the text would hold (shared parts as often as they appear) and stops at the limit.
    """
    if not isinstance(value, (list, tuple, dict, set, frozenset)):
        return
    size = 0
    stack: list[Iterator[Any]] = [iter([value])]
    while stack:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
            continue
        if isinstance(item, str):
            size += len(item) + 4
        elif isinstance(item, dict):
            size += 2
            stack.append(iter([*item.keys(), *item.values()]) if len(item) < 1_000_000 else iter(item))
        elif isinstance(item, (list, tuple, set, frozenset)):
            size += 2
            stack.append(iter(item))
        else:
            size += 8
        if size > MAX_LEN:
            raise TemplateLimitError("size", what or _short(value), MAX_LEN)
    _charge(size)


_END = object()


def _check_result(value: Any, what: str) -> Any:
    size = _sized(value)
    if size is not None:
        if size > MAX_LEN:
            raise TemplateLimitError("size", what, MAX_LEN)
        _charge(size)
    return value


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        worst = len(text) + (len(text) + 1) * (len(new) - len(old))
        if worst > MAX_LEN:
            raise TemplateLimitError("size", f"{_short(text)}.replace({_short(old)}, {_short(new)})", MAX_LEN)


def _check_join(separator: Any, items: Any) -> None:
    if isinstance(separator, str) and isinstance(items, (list, tuple)):
        total = len(separator) * len(items) + sum(len(i) for i in items if isinstance(i, str))
        if total > MAX_LEN:
            raise TemplateLimitError("size", f"{_short(separator)}.join({_short(items)})", MAX_LEN)


def limited_range(*args: int) -> Iterator[int]:
    """``range`` for templates: at most :data:`MAX_RANGE` items per call, :data:`MAX_RANGE_TOTAL` per render."""
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise TemplateLimitError("range", f"range({', '.join(_short(a) for a in args)})", MAX_RANGE)
    return _counted(rng)


def _counted(rng: range) -> Iterator[int]:
    budget = _BUDGET.get()
    for i, value in enumerate(rng):
        if budget is not None:
            if i % 1024 == 0:
                budget.tick()
            budget.range_left -= 1
            if budget.range_left < 0:
                raise TemplateLimitError("loops", "", MAX_RANGE_TOTAL)
        yield value


def _guarded_join(join: Callable[[Iterable[Any]], str], items: tuple[Any, ...]) -> str:
    """The ``~`` operator: refuse before joining when the parts are already too long."""
    total = sum(len(i) for i in items if isinstance(i, str))
    if total > MAX_LEN:
        raise TemplateLimitError("size", " ~ ".join(_short(i) for i in items), MAX_LEN)
    _charge(total)
    for item in items:
        check_printed(item, " ~ ".join(_short(i) for i in items))
    return join(items)


class _Ticking:
    """A loop's iterable that checks the deadline as it goes; keeps ``len`` for ``loop.length``."""

    def __init__(self, iterable: Any) -> None:
        self._iterable = iterable

    def __len__(self) -> int:
        return len(self._iterable)

    def __iter__(self) -> Iterator[Any]:
        budget = _BUDGET.get()
        for i, item in enumerate(self._iterable):
            if budget is not None and i % 256 == 0:
                budget.tick()
            yield item


class _LimitedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` through :func:`_guarded_join` (Jinja joins it without asking the sandbox), and
    every ``{% for %}`` over a :class:`_Ticking` iterable, so even an empty loop meets the deadline."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor name
        ticking = nodes.Call(nodes.EnvironmentAttribute("ticking"), [node.iter], [], None, None, lineno=node.lineno)
        guarded = nodes.For(
            node.target, ticking, node.body, node.else_, node.test, node.recursive, lineno=node.lineno
        )
        guarded.set_environment(self.environment)
        super().visit_For(guarded, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 - Jinja's visitor name
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"environment.guarded_join({func_name}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _NoLoader(BaseLoader):
    """A template is one self-contained .docx: include/import/extends name nothing that could be loaded."""

    def get_source(self, environment: Any, template: str) -> Any:
        raise TemplateLimitError("include", repr(template))


class LimitedTemplate(Template):
    """Streams its output and stops at :data:`MAX_OUTPUT` characters instead of filling the memory."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        ctx = self.new_context(dict(*args, **kwargs))
        try:
            return "".join(_bounded(self.root_render_func(ctx)))
        except Exception:
            self.environment.handle_exception()
        raise AssertionError("unreachable")  # pragma: no cover - handle_exception always raises


def _bounded(chunks: Iterable[str]) -> Iterator[str]:
    size = 0
    for n, chunk in enumerate(chunks):
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise TemplateLimitError("output", "", MAX_OUTPUT)
        if n % 256 == 0:
            _tick()
        yield chunk


#: Built-in filters that can only enlarge their input by a width or count argument, or are random.
_DROPPED_FILTERS = ("center", "indent", "wordwrap", "random", "pprint", "urlize", "xmlattr", "filesizeformat")
#: Filters whose int argument is a count of items they create (``batch(10**9, 'x')``).
_COUNTED_FILTERS = ("batch", "slice")
#: Filters that turn their input into text (``[[1]*10**5]*10**4 | string``).
_PRINTING_FILTERS = ("string", "join", "e", "escape", "forceescape", "safe", "tojson", "striptags", "upper", "lower",
                     "title", "capitalize", "trim", "urlencode", "wordcount", "truncate", "replace")
#: Globals a template may use; ``lipsum``, ``cycler`` and ``joiner`` are not among them.
ALLOWED_GLOBALS = ("range", "namespace", "dict")


def _limited_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter: count arguments bounded, ``format``/``replace``/``join`` estimated, result bounded."""
    pass_arg = getattr(func, "jinja_pass_arg", None)

    def call(*args: Any, **kwargs: Any) -> Any:
        _tick()
        plain = list(args[1:] if pass_arg is not None else args)
        if name in _COUNTED_FILTERS:
            _check_counts(plain[1:], kwargs, f"|{name}")
        if name in _PRINTING_FILTERS and plain:
            if isinstance(plain[0], (list, tuple)) and name == "join":
                for item in plain[0]:
                    check_printed(item, f"|{name}")
            else:
                check_printed(plain[0], f"|{name}")
        if name == "format" and plain:
            _check_format(plain[0], *plain[1:])
        elif name == "replace" and len(plain) >= 3:
            _check_replace(plain[0], plain[1], plain[2])
        elif name == "join" and plain and isinstance(plain[0], (list, tuple)):
            _check_join(plain[1] if len(plain) > 1 else kwargs.get("d", ""), plain[0])
        return _check_result(func(*args, **kwargs), f"|{name}")

    call.__name__ = getattr(func, "__name__", name)
    if pass_arg is not None:
        call.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    return call


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with the limits described in the module docstring."""

    intercepted_binops = frozenset({"**", "*", "+", "%"})
    code_generator_class = _LimitedCodeGenerator
    template_class = LimitedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(loader=_NoLoader(), **options)
        for name in list(self.globals):
            if name not in ALLOWED_GLOBALS:
                del self.globals[name]
        self.globals["range"] = limited_range
        for name in _DROPPED_FILTERS:
            self.filters.pop(name, None)
        for name, func in list(self.filters.items()):
            self.filters[name] = _limited_filter(name, func)

    @staticmethod
    def ticking(iterable: Any) -> _Ticking:
        return _Ticking(iterable)

    @staticmethod
    def guarded_join(join: Callable[[Iterable[Any]], str], items: tuple[Any, ...]) -> str:
        return _guarded_join(join, items)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "**":
            _check_power(left, right)
        elif operator == "*":
            _check_multiply(left, right)
        elif operator == "+":
            _check_add(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_mod(left, right)
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _tick()
        return super().getattr(obj, attribute)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        _tick()
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        method = getattr(__obj, "__name__", "")
        if isinstance(owner, (str, bytes, list, tuple)):
            if method in ("format", "format_map"):
                _check_format(owner)
                for value in [*args, *kwargs.values()]:
                    check_printed(value, f"{method}()")
                if isinstance(owner, str) and _NESTED_SPEC.search(owner):
                    _check_counts(args, kwargs, method)  # '{:{}}'.format(x, 10**9): the width is an argument
            else:
                _check_counts(args, kwargs, method)
            if method == "replace" and len(args) >= 2:
                _check_replace(owner, args[0], args[1])
            elif method == "join" and args:
                _check_join(owner, list(args[0]) if isinstance(args[0], (list, tuple)) else args[0])
            elif method == "expandtabs":
                _check_replace(owner, "\t", " " * (int(args[0]) if args else 8))
        result = super().call(__context, __obj, *args, **kwargs)
        return _check_result(result, f"{method or type(__obj).__name__}()")


class _NotConstantError(Exception):
    """The expression depends on the context: only the render can check it."""


def check_constant(node: nodes.Node) -> None:
    """Apply the checks above to constant arithmetic in a parsed tag, without computing anything huge.

    ``{{ 9**99999999 }}`` is found by ``siap templates check`` with its paragraph instead of at build time.
    """
    with _suppress(_NotConstantError):
        _constant(node)


def _constant(node: nodes.Node) -> Any:
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Neg):
        value = _constant(node.node)
        if isinstance(value, (int, float)):
            return -value
    if isinstance(node, nodes.BinExpr) and node.operator in _CHECKS:
        left, right = _constant(node.left), _constant(node.right)
        _CHECKS[node.operator](left, right)
        try:
            return _OPERATORS[node.operator](left, right)
        except Exception as exc:  # 1/0 and the like: the render reports it
            raise _NotConstantError from exc
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range":
        args = [_constant(a) for a in node.args]
        if all(isinstance(a, int) for a in args) and not node.kwargs:
            return limited_range(*args)
    raise _NotConstantError


def _check_mod(left: Any, right: Any) -> None:
    if isinstance(left, str):
        _check_format(left, *(right if isinstance(right, tuple) else (right,)))
        check_printed(right, f"{_short(left)} % ...")


_CHECKS: dict[str, Callable[[Any, Any], None]] = {
    "**": _check_power,
    "*": _check_multiply,
    "+": _check_add,
    "%": _check_mod,
    "-": lambda left, right: None,
    "/": lambda left, right: None,
    "//": lambda left, right: None,
}
_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "**": operator.pow,
    "*": operator.mul,
    "+": operator.add,
    "%": operator.mod,
    "-": operator.sub,
    "/": operator.truediv,
    "//": operator.floordiv,
}


__all__ = ["ALLOWED_GLOBALS", "LimitedEnvironment", "TemplateLimitError", "check_constant", "check_printed", "limits"]
