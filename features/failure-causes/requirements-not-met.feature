@requirements @regression
Feature: Requirements not met
  The guide's third cause: the rules differ by country or region (age, documents). A user who cannot
  meet them is told why; an expired or unaccepted document can be replaced, age and region cannot.

  Scenario Outline: A user who does not meet a requirement is told which, and what she can do
    Given a user whose verification failed because the photo was blurry
    When she logs in
    And she opens identity verification from the personal center
    And she retries as <who>
    And the review has run
    Then she sees that her verification failed because <reason>
    And she is <offered>

    @web
    Examples: on the website
      | who                                                        | reason                                          | offered                  |
      | someone under 18 by the birth date in her ID number        | she is under 18                                 | sent to customer support |
      | a resident of a region the exchange does not serve          | her region is not supported                     | sent to customer support |
      | someone whose ID card has expired                          | the document had expired                        | offered to retry         |
      | someone with an ID card in a region that accepts passports only | the document type is not accepted in her region | offered to retry    |

    @mobile
    Examples: on the phone app
      | who                                                        | reason                                          | offered                  |
      | someone under 18 by the birth date in her ID number        | she is under 18                                 | sent to customer support |
      | a resident of a region the exchange does not serve          | her region is not supported                     | sent to customer support |
      | someone whose ID card has expired                          | the document had expired                        | offered to retry         |
      | someone with an ID card in a region that accepts passports only | the document type is not accepted in her region | offered to retry    |
