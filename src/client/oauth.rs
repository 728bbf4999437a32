//! The web-authorization APIs (PROTOCOL.md §6): a code for a web
//! access_token, its refresh, the user's profile and the token check.
//!
//! These per-user tokens are not the account's access_token and call no other
//! API. Errors never hold a query, so neither the AppSecret, a code nor a
//! token can leak through one; the secret is also redacted from any text a
//! proxy might echo back.

use crate::client::api::{parse_expiring, ApiClient, ApiError, Credentials};
use crate::wechat::oauth::{
    AUTHORIZATION_CODE, REFRESH_TOKEN, SNS_ACCESS_TOKEN_PATH, SNS_AUTH_PATH, SNS_REFRESH_TOKEN_PATH, SNS_USERINFO_PATH,
};
use serde_json::Value;

/// What `/sns/oauth2/access_token` and `/sns/oauth2/refresh_token` answer.
/// `Debug` never shows the two tokens.
#[derive(Clone)]
pub struct WebToken {
    pub access_token: String,
    pub expires_in: i64,
    pub refresh_token: String,
    pub openid: String,
    pub scope: String,
    pub unionid: Option<String>,
    /// `is_snapshotuser: 1`: a snapshot-page user whose OpenID and profile are virtual.
    pub snapshot_user: bool,
}

impl std::fmt::Debug for WebToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebToken")
            .field("openid", &self.openid)
            .field("scope", &self.scope)
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

impl ApiClient {
    /// `GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code`.
    pub async fn sns_access_token(&self, creds: &Credentials, code: &str) -> Result<WebToken, ApiError> {
        let query = [
            ("appid", creds.appid.as_str()),
            ("secret", creds.secret.as_str()),
            ("code", code),
            ("grant_type", AUTHORIZATION_CODE),
        ];
        let answer = self.get_json(SNS_ACCESS_TOKEN_PATH, &query).await;
        answer.and_then(|v| self.web_token(SNS_ACCESS_TOKEN_PATH, &v)).map_err(|e| e.redact(&creds.secret))
    }

    /// `GET /sns/oauth2/refresh_token?appid&grant_type=refresh_token&refresh_token`.
    pub async fn sns_refresh_token(&self, appid: &str, refresh_token: &str) -> Result<WebToken, ApiError> {
        let query = [("appid", appid), ("grant_type", REFRESH_TOKEN), ("refresh_token", refresh_token)];
        let answer = self.get_json(SNS_REFRESH_TOKEN_PATH, &query).await?;
        self.web_token(SNS_REFRESH_TOKEN_PATH, &answer).map_err(|e| e.redact(refresh_token))
    }

    /// `GET /sns/userinfo?access_token&openid&lang`: the profile as WeChat sends it.
    pub async fn sns_userinfo(&self, access_token: &str, openid: &str, lang: &str) -> Result<Value, ApiError> {
        let query = [("access_token", access_token), ("openid", openid), ("lang", lang)];
        let answer = self.get_json(SNS_USERINFO_PATH, &query).await?;
        if answer.get("openid").and_then(Value::as_str).is_none_or(str::is_empty) {
            return Err(ApiError::Incomplete {
                endpoint: self.endpoint(SNS_USERINFO_PATH),
                missing: "openid",
                snippet: String::new(),
            });
        }
        Ok(answer)
    }

    /// `GET /sns/auth?access_token&openid`: Ok when WeChat answers errcode 0.
    pub async fn sns_auth(&self, access_token: &str, openid: &str) -> Result<(), ApiError> {
        self.get_json(SNS_AUTH_PATH, &[("access_token", access_token), ("openid", openid)]).await.map(|_| ())
    }

    fn web_token(&self, path: &str, answer: &Value) -> Result<WebToken, ApiError> {
        let endpoint = self.endpoint(path);
        let (access_token, expires_in) = parse_expiring(&endpoint, answer, "access_token")?;
        let text = |key: &'static str| -> Result<String, ApiError> {
            match answer.get(key).and_then(Value::as_str).filter(|v| !v.is_empty()) {
                Some(value) => Ok(value.to_owned()),
                None => Err(ApiError::Incomplete { endpoint: endpoint.clone(), missing: key, snippet: String::new() }),
            }
        };
        let refresh_token = text("refresh_token")?;
        let openid = text("openid")?;
        let scope = text("scope")?;
        let unionid = answer.get("unionid").and_then(Value::as_str).filter(|v| !v.is_empty()).map(str::to_owned);
        let snapshot_user = answer.get("is_snapshotuser").and_then(Value::as_i64) == Some(1);
        Ok(WebToken { access_token, expires_in, refresh_token, openid, scope, unionid, snapshot_user })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_tokens_need_every_field_and_debug_hides_the_tokens() {
        let api = ApiClient::new("http://x").unwrap();
        let full = serde_json::json!({
            "access_token": "WEBTOKEN", "expires_in": 7200, "refresh_token": "REFRESH",
            "openid": "o1", "scope": "snsapi_userinfo", "is_snapshotuser": 1,
        });
        let token = api.web_token(SNS_ACCESS_TOKEN_PATH, &full).unwrap();
        assert_eq!((token.openid.as_str(), token.scope.as_str(), token.snapshot_user), ("o1", "snsapi_userinfo", true));
        let shown = format!("{token:?}");
        assert!(!shown.contains("WEBTOKEN") && !shown.contains("REFRESH"), "{shown}");
        for missing in ["refresh_token", "openid", "scope", "access_token"] {
            let mut partial = full.clone();
            partial.as_object_mut().unwrap().remove(missing);
            let err = api.web_token(SNS_ACCESS_TOKEN_PATH, &partial).unwrap_err();
            assert!(err.to_string().contains(missing), "{err}");
            assert!(!err.to_string().contains("WEBTOKEN"), "{err}");
        }
    }
}
