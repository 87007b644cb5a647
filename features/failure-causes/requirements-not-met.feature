@requirements @regression
Feature: Requirements not met
  The guide's third cause: the rules differ by country or region (age, documents). A user who cannot
  meet them is told why; an expired or unaccepted document can be replaced, age and region cannot.
  The rules hold to the day: 18 today passes and 18 tomorrow does not; a document is valid through its
  last day and expired the day after. A document verified on another account cannot be used again.

  Scenario Outline: A user who does not meet a requirement is told which, and what she can do
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries as <who>
    And the review has run
    Then she sees that her verification failed because <reason>, and for nothing else
    And she is <offered>

    @web
    Examples: on the website
      | who                                                             | reason                                          | offered                  |
      | someone under 18 by the birth date in her ID number             | she is under 18                                 | sent to customer support |
      | someone who turns 18 tomorrow                                   | she is under 18                                 | sent to customer support |
      | a resident of a region the exchange does not serve              | her region is not supported                     | sent to customer support |
      | someone whose ID card has expired                               | the document had expired                        | offered to retry         |
      | someone whose ID card expired yesterday                         | the document had expired                        | offered to retry         |
      | someone with an ID card in a region that accepts passports only | the document type is not accepted in her region | offered to retry         |

    @mobile
    Examples: on the phone app
      | who                                                             | reason                                          | offered                  |
      | someone under 18 by the birth date in her ID number             | she is under 18                                 | sent to customer support |
      | someone who turns 18 tomorrow                                   | she is under 18                                 | sent to customer support |
      | a resident of a region the exchange does not serve              | her region is not supported                     | sent to customer support |
      | someone whose ID card has expired                               | the document had expired                        | offered to retry         |
      | someone whose ID card expired yesterday                         | the document had expired                        | offered to retry         |
      | someone with an ID card in a region that accepts passports only | the document type is not accepted in her region | offered to retry         |

  Scenario Outline: A user who meets a requirement on its last day passes
    Given a user whose verification failed because the photo was blurry
    And she is logged in
    When she opens identity verification from the personal center
    And she retries as <who>
    And the review has run
    Then she sees that her verification is approved

    @web
    Examples: on the website
      | who                                 |
      | someone who turned 18 today         |
      | someone whose ID card expires today |

    @mobile
    Examples: on the phone app
      | who                                 |
      | someone who turned 18 today         |
      | someone whose ID card expires today |

  Scenario Outline: A document already verified on another account is refused for good
    Given a user whose verification failed because the photo was blurry
    And her ID card is already verified on another account
    And she is logged in
    When she opens identity verification from the personal center
    And she retries with her details exactly as on her ID card and sharp photos
    Then she is asked to wait for the review, with the time it is expected by
    When the review has run
    Then she sees that her verification failed because the document is verified on another account, and for nothing else
    And she is sent to customer support
    And she is told that her verification cannot be retried

    @web
    Examples: on the website
      | platform |
      | web      |

    @mobile
    Examples: on the phone app
      | platform |
      | mobile   |
