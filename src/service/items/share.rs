//! Sharing: the person shares one item with one of her relais, or stops sharing it. Every
//! change is journaled.

use crate::policy::Action;
use crate::service::items::open::open_item;
use crate::service::items::wrap::share_wrap;
use crate::service::journal::{actor_of, journal};
use crate::service::{App, ServiceError, ServiceResult, Session, parse_id};
use crate::store::{beneficiaries, items};

impl App {
    /// The person shares one item with one of her relais (or stops sharing).
    pub async fn set_item_share(
        &self,
        session: &Session,
        kind: &'static str,
        id: &str,
        sid: &str,
        shared: bool,
    ) -> ServiceResult<()> {
        let sid = parse_id(sid)?;
        let o = open_item(self, session, id, Action::Share, kind).await?;
        let app = self.clone();
        let actor = actor_of(session, None);
        let now = self.now();
        self.tx(move |tx| {
            if beneficiaries::relay(tx, &o.row.beneficiary_id, &sid)?.is_none() {
                return Err(ServiceError::NotFound);
            }
            if shared {
                share_wrap(&app, tx, &o.row, &o.key, &sid, now)?;
            } else {
                items::unshare(tx, &o.row.id, &sid)?;
            }
            let action = if shared {
                format!("{kind}_shared")
            } else {
                format!("{kind}_unshared")
            };
            journal(
                tx,
                now,
                Some(&o.row.beneficiary_id),
                &actor,
                &action,
                Some((kind, &o.row.id)),
                true,
            )?;
            Ok(())
        })
        .await
    }
}
