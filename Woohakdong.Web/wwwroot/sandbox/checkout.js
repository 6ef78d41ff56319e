// The sandbox payment window's buttons: the buyer's decision goes to the sandbox, the rsp back to iamport.js.
(function () {
  "use strict";
  const main = document.querySelector("main.window");
  const query = new URLSearchParams(window.location.search);
  const merchantUid = main.dataset.merchantUid;

  function answer(rsp) {
    window.parent.postMessage({ source: "woohakdong-sandbox-portone", rsp: rsp }, window.location.origin);
  }

  function closed(code, message) {
    answer({ imp_uid: null, merchant_uid: merchantUid, error_code: code, error_msg: message, success: false, paid_amount: 0, status: null });
  }

  async function decide(outcome) {
    for (const button of document.querySelectorAll("button")) button.disabled = true;
    const response = await fetch(main.dataset.decide, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        merchantUid: merchantUid,
        amount: Number(main.dataset.amount),
        outcome: outcome,
        name: query.get("name"),
        buyerName: query.get("buyer_name"),
        buyerEmail: query.get("buyer_email"),
        buyerTel: query.get("buyer_tel"),
        customData: query.get("custom_data"),
        noticeUrl: query.get("notice_url"),
        mobile: query.get("mobile") === "1",
      }),
    });
    answer(await response.json());
  }

  if (main.dataset.refusal) {
    closed(main.dataset.refusedCode, main.dataset.refusal);
    return;
  }
  main.querySelector("[data-action=close]").addEventListener("click", () => closed("F1002", main.dataset.closedMessage));
  main.querySelector("[data-action=paid]").addEventListener("click", () => decide("paid"));
  main.querySelector("[data-action=failed]").addEventListener("click", () => decide("failed"));
})();
