"""Started Pythons inherit the fcntl blocker of the test run (see tests/helpers/no_fcntl/__init__.py)."""

import importlib.util
import os
import sys

if os.environ.get("SIAP_TEST_NO_FCNTL"):
    _spec = importlib.util.spec_from_file_location(
        "_siap_no_fcntl", os.path.join(os.path.dirname(os.path.abspath(__file__)), "__init__.py")
    )
    if _spec is not None and _spec.loader is not None:
        _module = importlib.util.module_from_spec(_spec)
        sys.modules["_siap_no_fcntl"] = _module
        _spec.loader.exec_module(_module)
        _module.install()
