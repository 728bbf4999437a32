//! The HTML of the mock authorize page: the consent page (授权) a person can
//! use in a desktop browser, and the error page WeChat shows for a bad link.
//! Every interpolated value is HTML-escaped; the pages load nothing, run no
//! script and may not be framed.

use super::users::TestUser;
use crate::wechat::oauth::AUTHORIZE_PATH;
use std::fmt::Write;

/// What the consent form carries back to the authorize route.
pub struct ConsentForm<'a> {
    pub appid: &'a str,
    pub redirect_uri: &'a str,
    pub scope: &'a str,
    pub state: &'a str,
    pub force_popup: bool,
}

/// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{margin:0;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;\
background:#ededed;color:#191919}main{max-width:420px;margin:0 auto;padding:32px 20px}\
h1{font-size:20px;font-weight:500;margin:0 0 8px}.app{font-size:14px;color:#7f7f7f;margin-bottom:24px}\
.ask{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;font-size:15px}\
.ask p{margin:0 0 6px}.ask small{color:#7f7f7f}fieldset{border:0;padding:0;margin:0 0 24px}\
legend{font-size:14px;color:#7f7f7f;margin-bottom:8px}label.user{display:flex;align-items:center;gap:10px;\
background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:8px;cursor:pointer}\
label.user span.openid{color:#7f7f7f;font-size:12px;display:block}\
.buttons{display:flex;gap:12px}button{flex:1;font-size:17px;padding:12px;border-radius:8px;border:0;cursor:pointer}\
button.allow{background:#07c160;color:#fff}button.deny{background:#f2f2f2;color:#06ae56}\
footer{margin-top:32px;font-size:12px;color:#b2b2b2;text-align:center}\
.code{font-size:40px;color:#fa5151;margin:24px 0 8px}.error{font-size:17px}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body><main>{body}\
         <footer>wxdev mock-api：在本机模拟微信网页授权，不是微信的页面</footer></main></body></html>\n",
        escape_html(title)
    )
}

/// The consent page of `snsapi_userinfo`: pick a test user, then 允许 or 拒绝.
pub fn consent(form: &ConsentForm<'_>, users: &[TestUser]) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>微信授权</h1><div class=\"app\">测试公众号 {} 申请使用</div>\
         <div class=\"ask\"><p>获得你的公开信息（昵称、头像、地区及性别）</p>\
         <small>授权后将跳转到 {}</small></div>\
         <form method=\"post\" action=\"{AUTHORIZE_PATH}\">",
        escape_html(form.appid),
        escape_html(form.redirect_uri)
    );
    for (name, value) in [
        ("appid", form.appid),
        ("redirect_uri", form.redirect_uri),
        ("response_type", "code"),
        ("scope", form.scope),
        ("state", form.state),
    ] {
        let _ = write!(body, "<input type=\"hidden\" name=\"{name}\" value=\"{}\">", escape_html(value));
    }
    if form.force_popup {
        body.push_str("<input type=\"hidden\" name=\"forcePopup\" value=\"true\">");
    }
    body.push_str("<fieldset><legend>以哪位测试用户的身份授权</legend>");
    for (i, user) in users.iter().enumerate() {
        let checked = if i == 0 { " checked" } else { "" };
        let _ = write!(
            body,
            "<label class=\"user\"><input type=\"radio\" name=\"openid\" value=\"{openid}\"{checked}>\
             <span><span class=\"nickname\">{nickname}</span><span class=\"openid\">{openid}</span></span></label>",
            openid = escape_html(&user.openid),
            nickname = escape_html(&user.nickname),
        );
    }
    body.push_str(
        "</fieldset><div class=\"buttons\">\
         <button class=\"deny\" type=\"submit\" name=\"action\" value=\"deny\">拒绝</button>\
         <button class=\"allow\" type=\"submit\" name=\"action\" value=\"allow\">允许</button></div></form>",
    );
    page("微信授权", &body)
}

/// The page WeChat shows for a link it refuses: the code, if the error has
/// one, and its text; `detail` says what the mock found wrong.
pub fn error(code: Option<i64>, text: &str, detail: &str) -> String {
    let mut body = String::from("<h1>Oops! Something went wrong:(</h1>");
    if let Some(code) = code {
        let _ = write!(body, "<div class=\"code\">{code}</div>");
    }
    let _ = write!(
        body,
        "<p class=\"error\">{}</p><div class=\"ask\"><small>mock-api：{}</small></div>",
        escape_html(text),
        escape_html(detail)
    );
    page("微信授权", &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(openid: &str, nickname: &str) -> TestUser {
        TestUser::new(openid, nickname)
    }

    #[test]
    fn everything_interpolated_is_escaped() {
        assert_eq!(escape_html(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        let form = ConsentForm {
            appid: "wx<1>",
            redirect_uri: "http://127.0.0.1/cb?a=\"><script>alert(1)</script>",
            scope: "snsapi_userinfo",
            state: "s'",
            force_popup: true,
        };
        let html = consent(&form, &[user("o_1", "<b>小明</b>"), user("o_2", "李娜")]);
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;小明&lt;/b&gt;") && html.contains("李娜"));
        assert!(html.contains(">允许</button>") && html.contains(">拒绝</button>"));
        assert_eq!(html.matches("type=\"radio\"").count(), 2);
        assert!(html.contains("name=\"forcePopup\""));
        let page = error(Some(10003), "redirect_uri域名与后台配置不一致", "<host> evil");
        assert!(page.contains("10003") && page.contains("&lt;host&gt; evil") && !page.contains("<host>"));
    }
}
