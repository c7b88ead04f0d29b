//! List responses: the page of items as a JSON array, `X-Total-Count` (how many match in
//! all) and an RFC 8288 `Link` header with `first`, `prev`, `next` and `last` pages, which
//! keep the request's other parameters.

use axum::Json;
use axum::http::Uri;
use axum::http::header::{HeaderName, HeaderValue, LINK};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::store::{Listing, Page};

/// The header carrying the number of matching items.
pub static TOTAL_COUNT: HeaderName = HeaderName::from_static("x-total-count");

/// A page of a list, ready to send.
#[derive(Debug)]
pub struct ListResponse<T> {
    listing: Listing<T>,
    page: Page,
    uri: Uri,
}

impl<T> ListResponse<T> {
    /// The page `listing` of the list at `uri`.
    pub fn new(listing: Listing<T>, page: Page, uri: Uri) -> Self {
        Self { listing, page, uri }
    }
}

impl<T: Serialize> IntoResponse for ListResponse<T> {
    fn into_response(self) -> Response {
        let links = links(&self.uri, &self.page, self.listing.total);
        let mut response = Json(self.listing.items).into_response();
        let headers = response.headers_mut();
        headers.insert(TOTAL_COUNT.clone(), HeaderValue::from(self.listing.total));
        if let Ok(value) = HeaderValue::from_str(&links) {
            headers.insert(LINK, value);
        }
        response
    }
}

/// The `Link` header value for `page` of a list of `total` items.
fn links(uri: &Uri, page: &Page, total: usize) -> String {
    let limit = page.limit.max(1);
    let last = total.saturating_sub(1) / limit * limit;
    let mut rels = vec![("first", 0)];
    if page.offset > 0 {
        rels.push(("prev", page.offset.saturating_sub(limit).min(last)));
    }
    if page.offset + limit < total {
        rels.push(("next", page.offset + limit));
    }
    rels.push(("last", last));
    let kept: Vec<(String, String)> =
        serde_urlencoded::from_str(uri.query().unwrap_or_default()).unwrap_or_default();
    let kept: Vec<(String, String)> = kept
        .into_iter()
        .filter(|(k, _)| k != "limit" && k != "offset")
        .collect();
    rels.iter()
        .map(|(rel, offset)| {
            let mut query = kept.clone();
            query.push(("limit".into(), limit.to_string()));
            query.push(("offset".into(), offset.to_string()));
            let query = serde_urlencoded::to_string(&query).unwrap_or_default();
            format!("<{}?{query}>; rel=\"{rel}\"", uri.path())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Sort;

    fn page(limit: usize, offset: usize) -> Page {
        Page {
            sort: Sort::Date,
            limit,
            offset,
        }
    }

    #[test]
    fn a_middle_page_links_all_four_ways_keeping_the_filters() {
        let uri: Uri = "/legs?mode=air&limit=2&offset=2".parse().unwrap();
        assert_eq!(
            links(&uri, &page(2, 2), 7),
            "</legs?mode=air&limit=2&offset=0>; rel=\"first\", \
             </legs?mode=air&limit=2&offset=0>; rel=\"prev\", \
             </legs?mode=air&limit=2&offset=4>; rel=\"next\", \
             </legs?mode=air&limit=2&offset=6>; rel=\"last\""
        );
    }

    #[test]
    fn an_empty_list_links_to_its_only_page() {
        let uri: Uri = "/trips".parse().unwrap();
        assert_eq!(
            links(&uri, &page(100, 0), 0),
            "</trips?limit=100&offset=0>; rel=\"first\", </trips?limit=100&offset=0>; rel=\"last\""
        );
    }
}
