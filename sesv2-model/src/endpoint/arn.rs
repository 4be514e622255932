//! `aws.parseArn`: `arn:partition:service:region:account-id:resource`.

use std::rc::Rc;

use super::eval::{Text, Val};

/// An ARN `aws.parseArn` accepted.
#[derive(Debug, Clone)]
pub(crate) struct Arn {
    partition: Rc<str>,
    service: Rc<str>,
    region: Rc<str>,
    account_id: Rc<str>,
    /// The resource split at every `:` and `/`, empty parts kept.
    resource_id: Rc<[Val<'static>]>,
}

impl Arn {
    /// An attribute by the name the rules use.
    pub(crate) fn get<'a>(&self, key: &str) -> Option<Val<'a>> {
        let text = |text: &Rc<str>| Val::Str(Text::Shared(text.clone()));
        Some(match key {
            "partition" => text(&self.partition),
            "service" => text(&self.service),
            "region" => text(&self.region),
            "accountId" => text(&self.account_id),
            "resourceId" => Val::List(self.resource_id.clone()),
            _ => return None,
        })
    }

    pub(crate) fn fields(&self) -> Vec<(&'static str, Val<'static>)> {
        ["partition", "service", "region", "accountId", "resourceId"]
            .into_iter()
            .filter_map(|key| Some((key, self.get(key)?)))
            .collect()
    }
}

/// Parses an ARN; `None` unless it starts with `arn:` and has a partition,
/// a service and a resource (region and account may be empty).
pub(crate) fn parse(input: &str) -> Option<Arn> {
    let mut fields = input.splitn(6, ':');
    if fields.next()? != "arn" {
        return None;
    }
    let partition = fields.next()?;
    let service = fields.next()?;
    let region = fields.next()?;
    let account_id = fields.next()?;
    let resource = fields.next()?;
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    Some(Arn {
        partition: Rc::from(partition),
        service: Rc::from(service),
        region: Rc::from(region),
        account_id: Rc::from(account_id),
        resource_id: resource
            .split([':', '/'])
            .map(|part| Val::Str(Text::Shared(Rc::from(part))))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(arn: &Arn) -> Vec<String> {
        arn.resource_id
            .iter()
            .map(|part| match part {
                Val::Str(text) => text.to_string(),
                other => panic!("not a string: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn fields_and_resource_parts() {
        let arn = parse("arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap").unwrap();
        assert_eq!(&*arn.partition, "aws");
        assert_eq!(&*arn.service, "s3");
        assert_eq!(&*arn.region, "us-west-2");
        assert_eq!(&*arn.account_id, "123456789012");
        assert_eq!(resource(&arn), ["accesspoint", "my-ap"]);

        let arn = parse("arn:aws:s3-outposts:us-west-2:1:outpost:op-01:accesspoint/ap:x").unwrap();
        assert_eq!(resource(&arn), ["outpost", "op-01", "accesspoint", "ap", "x"]);
    }

    #[test]
    fn empty_region_account_and_resource_parts_are_kept() {
        let arn = parse("arn:aws:s3:::bucket//key/").unwrap();
        assert_eq!(&*arn.region, "");
        assert_eq!(&*arn.account_id, "");
        assert_eq!(resource(&arn), ["bucket", "", "key", ""]);
    }

    #[test]
    fn invalid_arns() {
        assert!(parse("arn:aws:s3:us-east-1:123").is_none());
        assert!(parse("arn::s3:us-east-1:1:r").is_none());
        assert!(parse("arn:aws::us-east-1:1:r").is_none());
        assert!(parse("arn:aws:s3:us-east-1:1:").is_none());
        assert!(parse("urn:aws:s3:us-east-1:1:r").is_none());
        assert!(parse("").is_none());
        assert!(parse("arn").is_none());
    }
}
