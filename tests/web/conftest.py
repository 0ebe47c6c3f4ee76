"""A real workbench over the real embedded database: the seed, the fixtures and one more
fictional plan of 西岭区 (so one bureau has work in two plans), served by uvicorn on 127.0.0.1:0
in a thread, as ``policykg serve`` does."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from graph.store.store import Store, open_store
from policykg.web.server import Bound, bind
from policykg.web.state import Workbench
from policykg.web.texts import Texts
from tests.embedded import embedded_server

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# A second plan of the fixture district 西岭区 (fictional, written for this test), in that
# district's own conventions, so 区商务局 of 西岭区 answers in two plans.
SECOND_PLAN = """临江市西岭区人民政府办公室关于印发西岭区夜间经济发展行动计划（2025—2026年）的通知
西政办发〔2025〕3号

各街道办事处，区政府各部门：
现将《西岭区夜间经济发展行动计划（2025—2026年）》印发给你们，请认真贯彻落实。

西岭区夜间经济发展行动计划（2025—2026年）

一、重点任务
1.培育夜间消费街区。推动滨江夜市提档升级，到2026年，建成夜间消费集聚区4个。（责任单位：区商务局、区文化和旅游局）
2.丰富夜间文旅活动。每年举办夜间文旅活动30场以上。（牵头单位：区文化和旅游局；配合单位：区商务局）
"""


@pytest.fixture(scope="session")
def web_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with embedded_server(tmp_path_factory.mktemp("policykg-web-home")) as home:
        yield home


@pytest.fixture(scope="session")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    extra = tmp_path_factory.mktemp("web-docs") / "xiling_night_2025-2026.txt"
    extra.write_text(SECOND_PLAN, encoding="utf-8")
    return [str(ROOT / "corpus"), str(FIXTURES / "docs"), str(FIXTURES / "compare" / "city_plan.txt"),
            str(FIXTURES / "compare" / "district_plan.txt"), str(extra)]


@pytest.fixture(scope="session")
def web_store(web_home: Path, documents: list[str]) -> Iterator[Store]:
    from policykg.jobs import load_paths

    with open_store(env={}, home=web_home) as store:
        load_paths(documents, workers=1, store=store)
        yield store


def serve_in_thread(bound: Bound) -> threading.Thread:
    thread = threading.Thread(target=bound.run, name="policykg-web-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not bound.server.started:
        assert time.monotonic() < deadline, "the workbench did not start"
        time.sleep(0.05)
    return thread


@pytest.fixture(scope="session")
def bench(web_store: Store, documents: list[str]) -> Workbench:
    return Workbench(web_store, Texts(documents), refresh=1.0)


@pytest.fixture(scope="session")
def server(bench: Workbench) -> Iterator[Bound]:
    bound = bind(bench, "127.0.0.1", 0)
    thread = serve_in_thread(bound)
    try:
        yield bound
    finally:
        bound.server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def client(server: Bound) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c
